import { join } from 'node:path';
import { CachedMetadataStore } from './cachedStore.js';
import { FileBlobStore } from './fileBlobs.js';
import { type HotStateCache, MemoryHotStateCache } from './folderCache.js';
import { SqliteMetadataStore } from './sqlite.js';
import type { Storage } from './types.js';

/**
 * Default storage: `<dataDir>/analysis.sqlite` for records and `<dataDir>/blobs/` for bytes, with
 * the hot state (folders being polled, API sessions) answered from `cache` (in memory by default).
 */
export function openDefaultStorage(
  dataDir: string,
  cache: HotStateCache = new MemoryHotStateCache(),
): Storage {
  const meta = new CachedMetadataStore(new SqliteMetadataStore(join(dataDir, 'analysis.sqlite')), cache);
  const blobs = new FileBlobStore(join(dataDir, 'blobs'));
  return { meta, blobs, close: () => meta.close() };
}

export { CachedMetadataStore } from './cachedStore.js';
export { type FolderState, type HotStateCache, MemoryHotStateCache } from './folderCache.js';
export type { BlobStore, FolderQuery, MetadataStore, Storage } from './types.js';
