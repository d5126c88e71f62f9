/** JSON values as they travel through payloads and `meta_data` columns. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Analysis types in the upper-case form responses use. */
export const ANALYSIS_TYPES = ['QUALITY', 'BIOMETRY', 'COLLECTION', 'DOCUMENTS'] as const;
export type AnalysisType = (typeof ANALYSIS_TYPES)[number];

/** `analysis.state`: the lifecycle only. */
export type AnalysisState = 'PROCESSING' | 'FINISHED' | 'FAILED';

/** Every value `resolution_status` / `system_resolution` can take (analysis-api.md §3.3). */
export const RESOLUTIONS = [
  'INITIAL',
  'PROCESSING',
  'FAILED',
  'FINISHED',
  'DECLINED',
  'OPERATOR_REQUIRED',
  'SUCCESS',
] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** Stored media types. `SHOTS_SET_FOLDER` is our name; the spec does not show Oz's. */
export type MediaType = 'IMAGE_FOLDER' | 'SHOTS_SET_FOLDER' | 'VIDEO_FOLDER' | 'IMAGE_RESULT_ANALYSIS_SINGLE';

export interface FolderRecord {
  folder_id: string;
  company_id: string;
  user_id: string;
  time_created: number;
  time_updated: number;
  resolution_endpoint: string | null;
  meta_data: JsonObject;
}

export interface MediaInfo {
  mime: string;
  size: number;
  md5: string;
  width: number | null;
  height: number | null;
  /** Number of frames for a shots set. */
  frames: number | null;
}

export interface MediaRecord {
  media_id: string;
  folder_id: string;
  company_id: string;
  media_type: MediaType;
  original_name: string;
  tags: string[];
  meta_data: JsonObject;
  info: MediaInfo;
  /** Key of the bytes in the blob store. */
  blob_key: string;
  time_created: number;
  time_updated: number;
}

export interface ResultsMediaEntry {
  source_media_id: string;
  results_data: JsonObject;
  output_images: JsonObject[];
  [legacyKey: string]: JsonValue;
}

export interface AnalysisRecord {
  analysis_id: string;
  folder_id: string;
  company_id: string;
  group_id: string;
  type: AnalysisType;
  state: AnalysisState;
  resolution_status: Resolution;
  results_data: JsonObject | null;
  results_media: ResultsMediaEntry[];
  source_media: string[];
  params: JsonObject;
  confs: JsonObject;
  meta_data: JsonObject;
  error_code: number | null;
  error_message: string | null;
  time_created: number;
  time_updated: number;
  time_task_send_to_broker: number | null;
  time_task_received: number | null;
  time_task_finished: number | null;
}

export interface CollectionRecord {
  collection_id: string;
  company_id: string;
  alias: string;
  meta_data: JsonObject;
  time_created: number;
}

export interface PersonRecord {
  person_id: string;
  collection_id: string;
  meta_data: JsonObject;
  time_created: number;
}

export interface PersonPhotoRecord {
  photo_id: string;
  person_id: string;
  collection_id: string;
  blob_key: string;
  /** L2-normalised embedding. */
  embedding: Float32Array;
  model_id: string;
  time_created: number;
}

export interface SessionRecord {
  session_id: string;
  user_id: string;
  access_token_id: string;
  expire_token: string;
  /** UNIX seconds; the access token stops working after this (moved forward on use when sliding). */
  access_expires_at: number;
  expire_token_expires_at: number;
  /** Session this one replaced through refresh; dropped on first use of this one. */
  replaces: string | null;
}
