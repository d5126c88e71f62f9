import { type ApiResult, fail, ok } from './errors.js';
import { isVideoAction, type Orientation, tagsForAction } from './tags.js';

/** One captured item ready for the API (already validated by uploads/). */
export interface MediaUpload {
  /** Plugin action id: `video_selfie_*`, `photo_id_front`, `photo_id_back`, `photo_selfie`. */
  readonly action: string;
  readonly data: Uint8Array;
  /** Content-derived type: `application/zip` for a shot set, `image/jpeg` or `image/png`. */
  readonly mimeType: string;
  /** Video actions only; portrait unless the plugin says otherwise. */
  readonly orientation?: Orientation;
  /** The plugin's opaque environment string; forwarded as media:meta_data.<key>.additional_info. */
  readonly additionalInfo?: string;
}

export interface AnalysisRequest {
  readonly type: 'quality' | 'biometry' | 'collection' | 'documents';
  readonly source_media?: readonly string[];
  readonly params?: Readonly<Record<string, unknown>>;
  readonly meta_data?: Readonly<Record<string, unknown>>;
}

/**
 * Folder metadata key holding the adapter's id of one accepted upload (the session's nonce). A
 * retry or a replay of `pending/` first looks for a folder carrying it, so one capture never makes
 * two folders even when the API stored it but its answer was lost.
 */
export const UPLOAD_ID_META = 'adapter_upload_id';

/** The `payload` form field of POST /api/folders/ (analysis-api.md §2.1). */
export interface FolderPayload {
  'folder:meta_data'?: Record<string, string>;
  'media:meta_data'?: Record<string, { additional_info?: string }>;
  'media:tags': Record<string, readonly string[]>;
  analyses?: readonly AnalysisRequest[];
  resolution_endpoint?: string;
}

export interface FolderUploadInput {
  readonly media: readonly MediaUpload[];
  /** `open({meta})`: becomes folder:meta_data, used later to find the folder by transaction_id. */
  readonly folderMeta?: Readonly<Record<string, string>>;
  /** Single-request mode (API ≥ 6.0.1): analyses sent with the folder. */
  readonly analyses?: readonly AnalysisRequest[];
  readonly resolutionEndpoint?: string;
}

export interface FilePart {
  /** Form field name = file key referenced by the payload (`video1`, `photo1`, …). */
  readonly key: string;
  /** Chosen here, never taken from the client. */
  readonly filename: string;
  readonly mimeType: string;
  readonly data: Uint8Array;
}

export interface FolderUpload {
  readonly payload: FolderPayload;
  readonly files: readonly FilePart[];
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/zip': 'zip',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

/**
 * Pure: assigns file keys (`video1…` for video actions in capture order, `photo1…` for photos),
 * tags each item and assembles the payload. Kept apart from the HTTP code so the exact shape can
 * be tested without a server.
 */
export function buildFolderUpload(input: FolderUploadInput): ApiResult<FolderUpload> {
  if (input.media.length === 0) return fail('api_invalid_media', { cause: 'no media' });
  const counters = { video: 0, photo: 0 };
  const files: FilePart[] = [];
  const tags: Record<string, readonly string[]> = {};
  const mediaMeta: Record<string, { additional_info?: string }> = {};
  for (const item of input.media) {
    const itemTags = tagsForAction(item.action, item.orientation);
    const ext = EXTENSIONS[item.mimeType];
    if (itemTags === undefined)
      return fail('api_invalid_media', { cause: `no tags for action ${item.action}` });
    if (ext === undefined) return fail('api_invalid_media', { cause: `unsupported type ${item.mimeType}` });
    const kind = isVideoAction(item.action) ? 'video' : 'photo';
    counters[kind] += 1;
    const key = `${kind}${counters[kind]}`;
    files.push({ key, filename: `${key}.${ext}`, mimeType: item.mimeType, data: item.data });
    tags[key] = itemTags;
    if (item.additionalInfo !== undefined) mediaMeta[key] = { additional_info: item.additionalInfo };
  }
  const payload: FolderPayload = { 'media:tags': tags };
  if (input.folderMeta && Object.keys(input.folderMeta).length > 0)
    payload['folder:meta_data'] = { ...input.folderMeta };
  if (Object.keys(mediaMeta).length > 0) payload['media:meta_data'] = mediaMeta;
  if (input.analyses && input.analyses.length > 0) payload.analyses = input.analyses;
  if (input.resolutionEndpoint !== undefined) payload.resolution_endpoint = input.resolutionEndpoint;
  return ok({ payload, files });
}

/** Multipart body: one part per file, then `payload` as a JSON string. */
export function toFormData(upload: FolderUpload): FormData {
  const form = new FormData();
  for (const f of upload.files) {
    // Copy into a plain ArrayBuffer-backed view: Blob wants ArrayBuffer, not a pooled Buffer slice.
    form.append(f.key, new Blob([Uint8Array.from(f.data)], { type: f.mimeType }), f.filename);
  }
  form.append('payload', JSON.stringify(upload.payload));
  return form;
}
