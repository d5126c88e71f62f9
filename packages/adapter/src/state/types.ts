import type { UsedTokenStore } from '@open-liveness/trust';
import type { OzFolder } from '../api-client/index.js';
import type { RateLimitStoreFactory } from '../http/rate-limit.js';

/**
 * Finished folders, kept for a while so a later result read on any adapter of the pool is answered
 * without the analysis API. Only final folders are put: they no longer change.
 */
export interface ResultCache {
  get(folderId: string): Promise<OzFolder | undefined>;
  putFinished(folderId: string, folder: OzFolder): Promise<void>;
}

/**
 * Everything an adapter remembers between requests, behind one seam. In memory (the default, one
 * process) or in Redis (every adapter of a pool sees the same state, so any adapter can serve any
 * request of a session). Pending uploads are files under `data_dir` (a shared volume for a pool;
 * docs/deployment.md), not part of this store.
 */
export interface AdapterState {
  readonly kind: 'memory' | 'redis';
  /** One accepted upload per session (keyed by the session's nonce). */
  readonly uploadedSessions: UsedTokenStore;
  /** Single use of sealed-container token ids (replay protection). */
  readonly containerTokens: UsedTokenStore;
  /** express-rate-limit stores, one per limiter name. */
  readonly rateLimitStores: RateLimitStoreFactory;
  readonly results: ResultCache;
  /** Whether the backing store answers (readiness probe). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/** How long a finished folder stays in the result cache. */
export const RESULT_CACHE_TTL_MS = 10 * 60_000;
