import type { PoolClient } from 'pg';

/**
 * Versioned schema for the PostgreSQL store. Each entry runs once, in order, inside one transaction; the
 * applied versions are recorded in `schema_migrations`. Never edit an entry that has shipped: append one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE folders (
  folder_id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  time_created DOUBLE PRECISION NOT NULL,
  time_updated DOUBLE PRECISION NOT NULL,
  resolution_endpoint TEXT,
  meta_data JSONB NOT NULL
);
CREATE INDEX folders_company_created ON folders(company_id, time_created);
CREATE TABLE media (
  seq BIGSERIAL UNIQUE,
  media_id TEXT PRIMARY KEY,
  folder_id TEXT NOT NULL REFERENCES folders(folder_id),
  company_id TEXT NOT NULL,
  media_type TEXT NOT NULL,
  original_name TEXT NOT NULL,
  tags JSONB NOT NULL,
  meta_data JSONB NOT NULL,
  info JSONB NOT NULL,
  blob_key TEXT NOT NULL,
  time_created DOUBLE PRECISION NOT NULL,
  time_updated DOUBLE PRECISION NOT NULL
);
CREATE INDEX media_folder ON media(folder_id);
CREATE TABLE analyses (
  seq BIGSERIAL UNIQUE,
  analysis_id TEXT PRIMARY KEY,
  folder_id TEXT NOT NULL REFERENCES folders(folder_id),
  time_created DOUBLE PRECISION NOT NULL,
  state TEXT NOT NULL,
  body JSONB NOT NULL
);
CREATE INDEX analyses_folder ON analyses(folder_id);
CREATE INDEX analyses_state ON analyses(state);
CREATE TABLE collections (
  collection_id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL,
  alias TEXT NOT NULL,
  meta_data JSONB NOT NULL,
  time_created DOUBLE PRECISION NOT NULL
);
CREATE TABLE persons (
  person_id TEXT PRIMARY KEY,
  collection_id TEXT NOT NULL REFERENCES collections(collection_id),
  meta_data JSONB NOT NULL,
  time_created DOUBLE PRECISION NOT NULL
);
CREATE TABLE person_photos (
  photo_id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(person_id) ON DELETE CASCADE,
  collection_id TEXT NOT NULL,
  blob_key TEXT NOT NULL,
  embedding BYTEA NOT NULL,
  model_id TEXT NOT NULL,
  time_created DOUBLE PRECISION NOT NULL
);
CREATE INDEX person_photos_collection ON person_photos(collection_id);
CREATE TABLE sessions (
  session_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  access_token_id TEXT NOT NULL,
  expire_token TEXT NOT NULL UNIQUE,
  access_expires_at DOUBLE PRECISION NOT NULL,
  expire_token_expires_at DOUBLE PRECISION NOT NULL,
  replaces TEXT
);
CREATE TABLE blobs (
  blob_key TEXT PRIMARY KEY,
  bytes BYTEA NOT NULL
);
`,
  },
];

/** Any fixed 64-bit number: every service instance takes this advisory lock while it migrates. */
const MIGRATION_LOCK = 7_340_021_901;

/**
 * Applies the missing migrations. Several instances may start at once: the advisory lock makes the others
 * wait, and then find nothing left to do. Returns the schema version now in force.
 */
export async function migrate(client: PoolClient): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, {
          cause: err,
        });
      }
    }
    return Math.max(0, ...MIGRATIONS.map((m) => m.version));
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
