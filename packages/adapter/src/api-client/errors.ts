/** Stable error codes of the Oz API client. Every method returns these as values. */
export const API_ERRORS = {
  api_unavailable:
    'The analysis API stayed unreachable or failing (5xx, timeout, network) after all retries.',
  api_auth_failed: 'The API refused the credentials or the token, and renewing did not help.',
  api_no_token: 'No API token: api_use_token is "client" but the page supplied none.',
  api_forbidden: 'The API refused the operation for this account (HTTP 403).',
  api_not_found: 'The folder or analysis does not exist (HTTP 404).',
  api_rejected: 'The API refused the request as invalid (other 4xx).',
  api_bad_response: 'The API answered with a body the adapter cannot read.',
  api_invalid_media: 'The media handed to the client cannot be tagged or sent (caller bug).',
  api_poll_timeout: 'The analyses did not finish within the polling time limit.',
  api_aborted: 'The caller cancelled the operation.',
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
  /** HTTP status of the last answer, when there was one. */
  readonly status?: number;
  /** `error_code` / `error_message` from the API's error body (analysis-api.md §7). */
  readonly ozErrorCode?: number;
  readonly ozMessage?: string;
  /** How many HTTP attempts were made for this call. */
  readonly attempts?: number;
  /** Low-level reason (network error text, timeout) for the log. */
  readonly cause?: string;
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ApiError };

export function apiError(code: ApiErrorCode, extra: Omit<ApiError, 'code' | 'message'> = {}): ApiError {
  return { code, message: API_ERRORS[code], ...extra };
}

export function fail<T = never>(
  code: ApiErrorCode,
  extra: Omit<ApiError, 'code' | 'message'> = {},
): ApiResult<T> {
  return { ok: false, error: apiError(code, extra) };
}

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}
