/** Hard limits of the upload path. Mirrors `limits` in the adapter configuration. */
export interface UploadLimits {
  /** Whole multipart request body. */
  readonly requestBytes: number;
  readonly maxFiles: number;
  readonly maxFields: number;
  /** One shot-set ZIP as received (compressed). */
  readonly shotsZipBytes: number;
  /** One single photo. */
  readonly photoBytes: number;
  readonly zipMaxEntries: number;
  /** Sum of the uncompressed sizes of all entries of one ZIP. */
  readonly zipMaxUncompressedBytes: number;
  /** Largest accepted uncompressed/compressed ratio of one entry (JPEG barely compresses: ~1). */
  readonly zipMaxRatio: number;
  /** Width × height above which an image is refused before it is decoded (pixel-flood defence). */
  readonly imageMaxPixels: number;
  readonly manifestBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  requestBytes: 64 * MIB,
  maxFiles: 12,
  maxFields: 32,
  shotsZipBytes: 24 * MIB,
  photoBytes: 10 * MIB,
  zipMaxEntries: 400,
  zipMaxUncompressedBytes: 128 * MIB,
  zipMaxRatio: 50,
  imageMaxPixels: 4096 * 4096,
  manifestBytes: 256 * 1024,
};

/** Shape of `config.limits` (snake_case keys as in app_config.json); kept structural to avoid a cycle. */
export interface ConfigLimits {
  readonly upload_request_bytes: number;
  readonly upload_max_files: number;
  readonly upload_max_fields: number;
  readonly shots_zip_bytes: number;
  readonly photo_bytes: number;
  readonly zip_max_entries: number;
  readonly zip_max_uncompressed_bytes: number;
  readonly zip_max_ratio: number;
  readonly image_max_pixels: number;
  readonly manifest_bytes: number;
}

export function uploadLimitsFromConfig(l: ConfigLimits): UploadLimits {
  return {
    requestBytes: l.upload_request_bytes,
    maxFiles: l.upload_max_files,
    maxFields: l.upload_max_fields,
    shotsZipBytes: l.shots_zip_bytes,
    photoBytes: l.photo_bytes,
    zipMaxEntries: l.zip_max_entries,
    zipMaxUncompressedBytes: l.zip_max_uncompressed_bytes,
    zipMaxRatio: l.zip_max_ratio,
    imageMaxPixels: l.image_max_pixels,
    manifestBytes: l.manifest_bytes,
  };
}
