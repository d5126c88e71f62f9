export {
  accept,
  reject,
  UPLOAD_ERRORS,
  type UploadError,
  type UploadErrorCode,
  type UploadHttpStatus,
  type UploadResult,
  uploadError,
} from './errors.js';
export { type ImageCheckOptions, type ValidImage, validateImage } from './image.js';
export {
  type ConfigLimits,
  DEFAULT_UPLOAD_LIMITS,
  type UploadLimits,
  uploadLimitsFromConfig,
} from './limits.js';
export { MANIFEST_NAME, type ShotManifest, shotManifestSchema } from './manifest.js';
export {
  type MultipartFile,
  type MultipartOptions,
  type MultipartSource,
  type ParsedMultipart,
  parseMultipart,
} from './multipart.js';
export { validatePhoto } from './photo.js';
export { readRawBody } from './raw-body.js';
export { type ShotFrame, type ShotSetOptions, type ValidShotSet, validateShotSet } from './shot-set.js';
export { IMAGE_MIME, type ImageKind, sniffImage } from './sniff.js';
