/**
 * Every way an upload can be refused, with the HTTP status the route should answer. Validators
 * return these as values; nothing here throws, so a hostile file cannot crash the process.
 */
export const UPLOAD_ERRORS = {
  upload_bad_request: { status: 400, message: 'The request is not a well-formed multipart upload.' },
  upload_unexpected_field: { status: 400, message: 'The upload contains a field that is not expected.' },
  upload_missing_field: { status: 400, message: 'A required part of the upload is missing.' },
  upload_too_large: { status: 413, message: 'The upload or one of its parts exceeds the size limit.' },
  upload_too_many_files: { status: 413, message: 'The upload contains too many files or fields.' },
  upload_too_many_entries: { status: 413, message: 'The archive contains too many entries.' },
  upload_zip_bomb: { status: 413, message: 'The archive expands far beyond its size.' },
  upload_bad_entry_name: { status: 400, message: 'The archive contains an unsafe or duplicate entry name.' },
  upload_unsupported_type: { status: 415, message: 'The file is not of an accepted type.' },
  upload_bad_zip: { status: 422, message: 'The archive is damaged or uses an unsupported feature.' },
  upload_bad_image: { status: 422, message: 'The image cannot be decoded or is too large.' },
  upload_bad_manifest: { status: 422, message: 'The shot set manifest is missing or invalid.' },
  upload_challenge_mismatch: {
    status: 422,
    message: "The upload does not carry this session's challenge actions in order.",
  },
} as const;

export type UploadErrorCode = keyof typeof UPLOAD_ERRORS;
export type UploadHttpStatus = (typeof UPLOAD_ERRORS)[UploadErrorCode]['status'];

export interface UploadError {
  readonly code: UploadErrorCode;
  readonly status: UploadHttpStatus;
  /** Generic text, safe to show the client. */
  readonly message: string;
  /** Specifics for the server log (entry name, limit, reason); may echo client input, so log only. */
  readonly detail: string;
}

export type UploadResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: UploadError };

export function uploadError(code: UploadErrorCode, detail: string): UploadError {
  const { status, message } = UPLOAD_ERRORS[code];
  return { code, status, message, detail };
}

export function reject<T = never>(code: UploadErrorCode, detail: string): UploadResult<T> {
  return { ok: false, error: uploadError(code, detail) };
}

export function accept<T>(value: T): UploadResult<T> {
  return { ok: true, value };
}
