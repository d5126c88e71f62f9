import { SqliteMetadataStore } from './sqlite.js';
import type { BlobStore, Storage } from './types.js';

/** Bytes in a Map: gone with the object. */
class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Uint8Array>();

  async put(key: string, bytes: Uint8Array): Promise<void> {
    this.blobs.set(key, bytes);
  }

  async get(key: string): Promise<Uint8Array> {
    const bytes = this.blobs.get(key);
    if (!bytes) throw new Error(`no blob ${key}`);
    return bytes;
  }

  async delete(key: string): Promise<void> {
    this.blobs.delete(key);
  }

  clear(): void {
    this.blobs.clear();
  }
}

/**
 * Storage for one Instant-API request: an in-memory SQLite database and a Map of bytes, both
 * released by close(). The same schema and code paths as the persistent store, with nothing on disk.
 */
export function openEphemeralStorage(): Storage {
  const meta = new SqliteMetadataStore(':memory:');
  const blobs = new MemoryBlobStore();
  return {
    meta,
    blobs,
    async close() {
      blobs.clear();
      await meta.close();
    },
  };
}
