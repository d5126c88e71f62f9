import { MemoryUsedTokenStore } from '@open-liveness/trust';
import type { OzFolder } from '../api-client/index.js';
import { memoryStores } from '../http/rate-limit.js';
import { type AdapterState, RESULT_CACHE_TTL_MS, type ResultCache } from './types.js';

/** Finished folders in a bounded map (oldest entry dropped first), each for `ttlMs`. */
export class MemoryResultCache implements ResultCache {
  private readonly entries = new Map<string, { folder: OzFolder; until: number }>();

  constructor(private readonly options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  async get(folderId: string): Promise<OzFolder | undefined> {
    const hit = this.entries.get(folderId);
    if (hit === undefined) return undefined;
    if (hit.until <= this.now()) {
      this.entries.delete(folderId);
      return undefined;
    }
    return hit.folder;
  }

  async putFinished(folderId: string, folder: OzFolder): Promise<void> {
    this.entries.delete(folderId);
    this.entries.set(folderId, { folder, until: this.now() + (this.options.ttlMs ?? RESULT_CACHE_TTL_MS) });
    const max = this.options.maxEntries ?? 10_000;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** The single-process default: everything in this process, gone at restart. */
export function memoryAdapterState(now: () => number = Date.now): AdapterState {
  return {
    kind: 'memory',
    uploadedSessions: new MemoryUsedTokenStore({ now }),
    containerTokens: new MemoryUsedTokenStore({ now }),
    rateLimitStores: memoryStores,
    results: new MemoryResultCache({ now }),
    ready: async () => true,
    close: async () => {},
  };
}
