export { type AnalysesSettings, type AnalysisOptions, buildAnalyses } from './analyses.js';
export { type AuthSettings, type Credentials, jwtExpiry, TokenManager } from './auth.js';
export {
  type CallOptions,
  createOzApiClient,
  type FolderCallOptions,
  type OzApiClient,
  type OzApiClientOptions,
  type PollOptions,
} from './client.js';
export { API_ERRORS, type ApiError, type ApiErrorCode, type ApiResult } from './errors.js';
export { type ApiClientConfig, apiClientOptionsFromConfig } from './from-config.js';
export { type ApiLogger, type FetchLike, TOKEN_HEADER } from './http.js';
export {
  OZ_STATUSES,
  type OzAnalysis,
  type OzFolder,
  type OzMedia,
  type OzStatus,
  ozFolderSchema,
} from './oz-objects.js';
export {
  type AnalysisRequest,
  buildFolderUpload,
  type FilePart,
  type FolderPayload,
  type FolderUpload,
  type FolderUploadInput,
  type MediaUpload,
  toFormData,
  UPLOAD_ID_META,
} from './payload.js';
export { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy, type Sleep } from './retry.js';
export { isVideoAction, type Orientation, tagsForAction } from './tags.js';
