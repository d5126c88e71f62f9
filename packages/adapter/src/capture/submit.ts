import {
  type AnalysisRequest,
  type ApiResult,
  buildFolderUpload,
  type FolderUpload,
  type MediaUpload,
  type OzApiClient,
  type OzFolder,
} from '../api-client/index.js';

export interface SubmitInput {
  readonly media: readonly MediaUpload[];
  readonly folderMeta: Readonly<Record<string, string>>;
  readonly analyses: readonly AnalysisRequest[];
  /** `architecture: lite`: one Instant-API call, analyses included, the answer is final. */
  readonly instant: boolean;
  /** The page's API token (`api_use_token: client`). */
  readonly token?: string | undefined;
}

export type SubmitResult =
  | { readonly ok: true; readonly folder: OzFolder }
  /** `upload` is what was (or would have been) sent, to keep on disk when the API is down. */
  | {
      readonly ok: false;
      readonly error: Extract<ApiResult<never>, { ok: false }>['error'];
      readonly upload?: FolderUpload;
      readonly folderId?: string;
    };

/**
 * normal: POST /api/folders/ with files, tags and metadata, then POST .../analyses/ — two calls, so
 * the upload answers as soon as the folder exists instead of waiting for the models.
 * lite: POST /api/instant/folders/ with the analyses in the payload (single-request mode).
 */
export async function submitCapture(client: OzApiClient, input: SubmitInput): Promise<SubmitResult> {
  const folderInput = {
    media: input.media,
    folderMeta: input.folderMeta,
    ...(input.instant ? { analyses: input.analyses } : {}),
  };
  const upload = buildFolderUpload(folderInput);
  if (!upload.ok) return { ok: false, error: upload.error };
  const created = await client.createFolder(folderInput, { instant: input.instant, token: input.token });
  if (!created.ok) return { ok: false, error: created.error, upload: upload.value };
  const folder = created.value;
  if (input.instant || input.analyses.length === 0) return { ok: true, folder };
  const launched = await client.launchAnalyses(folder.folder_id, input.analyses, { token: input.token });
  if (!launched.ok)
    return { ok: false, error: launched.error, upload: upload.value, folderId: folder.folder_id };
  return { ok: true, folder: { ...folder, analyses: [...(folder.analyses ?? []), ...launched.value] } };
}
