import type { Pool } from 'pg';
import type { BlobStore } from '../types.js';

/**
 * Media bytes in PostgreSQL (`bytea`), so every analysis worker on every machine reads the same blobs without
 * a shared volume. Uploads are capped (30 MiB by default), well inside what `bytea` handles.
 */
export class PgBlobStore implements BlobStore {
  constructor(private readonly pool: Pool) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.pool.query(
      'INSERT INTO blobs (blob_key, bytes) VALUES ($1, $2) ON CONFLICT (blob_key) DO UPDATE SET bytes = EXCLUDED.bytes',
      [key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
    );
  }

  async get(key: string): Promise<Uint8Array> {
    const r = await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM blobs WHERE blob_key = $1', [key]);
    const row = r.rows[0];
    if (!row) throw new Error(`blob not found: ${key}`);
    return new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  }

  async delete(key: string): Promise<void> {
    await this.pool.query('DELETE FROM blobs WHERE blob_key = $1', [key]);
  }
}
