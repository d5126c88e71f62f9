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
} from '../../domain/types.js';
import { float32FromBlob, num, type Row, str, strOrNull } from '../rows.js';

/** node-postgres hands JSONB back parsed; a corrupted row still fails loudly here. */
function json<T>(r: Row, key: string, check: (v: unknown) => boolean): T {
  const v = r[key];
  if (!check(v)) throw new Error(`column ${key} has the wrong JSON shape`);
  return v as T;
}
const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
const obj = (r: Row, key: string) => json<JsonObject>(r, key, isObject);

export function toFolder(r: Row): FolderRecord {
  return {
    folder_id: str(r, 'folder_id'),
    company_id: str(r, 'company_id'),
    user_id: str(r, 'user_id'),
    time_created: num(r, 'time_created'),
    time_updated: num(r, 'time_updated'),
    resolution_endpoint: strOrNull(r, 'resolution_endpoint'),
    meta_data: obj(r, 'meta_data'),
  };
}

export function toMedia(r: Row): MediaRecord {
  return {
    media_id: str(r, 'media_id'),
    folder_id: str(r, 'folder_id'),
    company_id: str(r, 'company_id'),
    media_type: str(r, 'media_type') as MediaType,
    original_name: str(r, 'original_name'),
    tags: json<string[]>(r, 'tags', Array.isArray),
    meta_data: obj(r, 'meta_data'),
    info: json<MediaInfo>(r, 'info', isObject),
    blob_key: str(r, 'blob_key'),
    time_created: num(r, 'time_created'),
    time_updated: num(r, 'time_updated'),
  };
}

export function toCollection(r: Row): CollectionRecord {
  return {
    collection_id: str(r, 'collection_id'),
    company_id: str(r, 'company_id'),
    alias: str(r, 'alias'),
    meta_data: obj(r, 'meta_data'),
    time_created: num(r, 'time_created'),
  };
}

export function toPerson(r: Row): PersonRecord {
  return {
    person_id: str(r, 'person_id'),
    collection_id: str(r, 'collection_id'),
    meta_data: obj(r, 'meta_data'),
    time_created: num(r, 'time_created'),
  };
}

export function toPhoto(r: Row): PersonPhotoRecord {
  const bytes = r.embedding;
  if (!(bytes instanceof Uint8Array)) throw new Error('column embedding is not bytea');
  return {
    photo_id: str(r, 'photo_id'),
    person_id: str(r, 'person_id'),
    collection_id: str(r, 'collection_id'),
    blob_key: str(r, 'blob_key'),
    embedding: float32FromBlob(bytes),
    model_id: str(r, 'model_id'),
    time_created: num(r, 'time_created'),
  };
}

export function toSession(r: Row): SessionRecord {
  return {
    session_id: str(r, 'session_id'),
    user_id: str(r, 'user_id'),
    access_token_id: str(r, 'access_token_id'),
    expire_token: str(r, 'expire_token'),
    access_expires_at: num(r, 'access_expires_at'),
    expire_token_expires_at: num(r, 'expire_token_expires_at'),
    replaces: strOrNull(r, 'replaces'),
  };
}
