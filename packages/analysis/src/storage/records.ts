import type {
  CollectionRecord,
  FolderRecord,
  JsonObject,
  MediaInfo,
  MediaRecord,
  MediaType,
  PersonPhotoRecord,
  PersonRecord,
  SessionRecord,
} from '../domain/types.js';
import { blob, float32FromBlob, num, type Row, str, strOrNull } from './rows.js';

/** How a driver hands back a JSON column: SQLite as text to parse, PostgreSQL's JSONB already parsed. */
export type JsonColumn = (row: Row, key: string) => unknown;

export const jsonText: JsonColumn = (row, key) => JSON.parse(str(row, key));
export const jsonParsed: JsonColumn = (row, key) => row[key];

export interface RecordReaders {
  folder(r: Row): FolderRecord;
  media(r: Row): MediaRecord;
  collection(r: Row): CollectionRecord;
  person(r: Row): PersonRecord;
  photo(r: Row): PersonPhotoRecord;
  session(r: Row): SessionRecord;
}

/**
 * Rows → records, the same for every storage engine, so both stores return identical records. A corrupted
 * row fails loudly here instead of leaking `unknown` upward.
 */
export function recordReaders(json: JsonColumn): RecordReaders {
  const object = (r: Row, key: string): JsonObject => {
    const v = json(r, key);
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw new Error(`column ${key} is not a JSON object`);
    return v as JsonObject;
  };
  const strings = (r: Row, key: string): string[] => {
    const v = json(r, key);
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      throw new Error(`column ${key} is not a list of strings`);
    return v;
  };
  return {
    folder: (r) => ({
      folder_id: str(r, 'folder_id'),
      company_id: str(r, 'company_id'),
      user_id: str(r, 'user_id'),
      time_created: num(r, 'time_created'),
      time_updated: num(r, 'time_updated'),
      resolution_endpoint: strOrNull(r, 'resolution_endpoint'),
      meta_data: object(r, 'meta_data'),
    }),
    media: (r) => ({
      media_id: str(r, 'media_id'),
      folder_id: str(r, 'folder_id'),
      company_id: str(r, 'company_id'),
      media_type: str(r, 'media_type') as MediaType,
      original_name: str(r, 'original_name'),
      tags: strings(r, 'tags'),
      meta_data: object(r, 'meta_data'),
      info: object(r, 'info') as unknown as MediaInfo,
      blob_key: str(r, 'blob_key'),
      time_created: num(r, 'time_created'),
      time_updated: num(r, 'time_updated'),
    }),
    collection: (r) => ({
      collection_id: str(r, 'collection_id'),
      company_id: str(r, 'company_id'),
      alias: str(r, 'alias'),
      meta_data: object(r, 'meta_data'),
      time_created: num(r, 'time_created'),
    }),
    person: (r) => ({
      person_id: str(r, 'person_id'),
      collection_id: str(r, 'collection_id'),
      meta_data: object(r, 'meta_data'),
      time_created: num(r, 'time_created'),
    }),
    photo: (r) => ({
      photo_id: str(r, 'photo_id'),
      person_id: str(r, 'person_id'),
      collection_id: str(r, 'collection_id'),
      blob_key: str(r, 'blob_key'),
      embedding: float32FromBlob(blob(r, 'embedding')),
      model_id: str(r, 'model_id'),
      time_created: num(r, 'time_created'),
    }),
    session: (r) => ({
      session_id: str(r, 'session_id'),
      user_id: str(r, 'user_id'),
      access_token_id: str(r, 'access_token_id'),
      expire_token: str(r, 'expire_token'),
      access_expires_at: num(r, 'access_expires_at'),
      expire_token_expires_at: num(r, 'expire_token_expires_at'),
      replaces: strOrNull(r, 'replaces'),
    }),
  };
}
