/**
 * SQLite schema. JSON-valued fields are TEXT; embeddings are float32 BLOBs. Version it with
 * `user_version` so later migrations know where they start.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS folders (
  folder_id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  time_created REAL NOT NULL,
  time_updated REAL NOT NULL,
  resolution_endpoint TEXT,
  meta_data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS folders_company_created ON folders(company_id, time_created);
CREATE TABLE IF NOT EXISTS media (
  media_id TEXT PRIMARY KEY,
  folder_id TEXT NOT NULL REFERENCES folders(folder_id),
  company_id TEXT NOT NULL,
  media_type TEXT NOT NULL,
  original_name TEXT NOT NULL,
  tags TEXT NOT NULL,
  meta_data TEXT NOT NULL,
  info TEXT NOT NULL,
  blob_key TEXT NOT NULL,
  time_created REAL NOT NULL,
  time_updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS media_folder ON media(folder_id);
CREATE TABLE IF NOT EXISTS analyses (
  analysis_id TEXT PRIMARY KEY,
  folder_id TEXT NOT NULL REFERENCES folders(folder_id),
  time_created REAL NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS analyses_folder ON analyses(folder_id);
CREATE TABLE IF NOT EXISTS collections (
  collection_id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL,
  alias TEXT NOT NULL,
  meta_data TEXT NOT NULL,
  time_created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS persons (
  person_id TEXT PRIMARY KEY,
  collection_id TEXT NOT NULL REFERENCES collections(collection_id),
  meta_data TEXT NOT NULL,
  time_created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS person_photos (
  photo_id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(person_id) ON DELETE CASCADE,
  collection_id TEXT NOT NULL,
  blob_key TEXT NOT NULL,
  embedding BLOB NOT NULL,
  model_id TEXT NOT NULL,
  time_created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS person_photos_collection ON person_photos(collection_id);
CREATE TABLE IF NOT EXISTS sessions (
  session_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  access_token_id TEXT NOT NULL,
  expire_token TEXT NOT NULL UNIQUE,
  access_expires_at REAL NOT NULL,
  expire_token_expires_at REAL NOT NULL,
  replaces TEXT
);
`;
