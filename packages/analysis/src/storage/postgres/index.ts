import pg from 'pg';
import type { Storage } from '../types.js';
import { PgBlobStore } from './blobs.js';
import { PgMetadataStore } from './metadata.js';
import { migrate } from './migrations.js';

export interface PostgresStorageOptions {
  /** A libpq connection string, e.g. `postgres://user:pass@db:5432/analysis`. */
  connectionString: string;
  /** Pool size per service instance. Default 10. */
  maxConnections?: number;
}

/**
 * Records and blobs in one PostgreSQL database, schema migrated at start (versioned, under an advisory lock so
 * several instances can start together). Any number of analysis instances can share it.
 */
export async function openPostgresStorage(
  o: PostgresStorageOptions,
): Promise<Storage & { schemaVersion: number }> {
  const pool = new pg.Pool({ connectionString: o.connectionString, max: o.maxConnections ?? 10 });
  // An idle client that loses its server must not crash the process: the next query reports the error.
  pool.on('error', (err) =>
    console.error(JSON.stringify({ level: 'error', msg: 'postgres pool', err: err.message })),
  );
  let schemaVersion: number;
  const client = await pool.connect();
  try {
    schemaVersion = await migrate(client);
  } catch (err) {
    client.release();
    await pool.end();
    throw err;
  }
  client.release();
  let closed = false;
  return {
    meta: new PgMetadataStore(pool),
    blobs: new PgBlobStore(pool),
    schemaVersion,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
