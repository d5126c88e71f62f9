/**
 * Oz API error codes (analysis-api.md §7). Routes return these as values; one place turns them
 * into HTTP responses.
 */
export const API_ERRORS = {
  UNKNOWN: { code: 0, http: 500 },
  NOT_ALLOWED: { code: 1, http: 405 },
  NOT_REALIZED: { code: 2, http: 501 },
  INVALID_STRUCTURE: { code: 3, http: 400 },
  INVALID_VALUE: { code: 4, http: 400 },
  INVALID_TYPE: { code: 5, http: 400 },
  AUTH_NOT_PROVIDED: { code: 6, http: 401 },
  AUTH_INVALID: { code: 7, http: 401 },
  AUTH_EXPIRED: { code: 8, http: 401 },
  AUTH_FORBIDDEN: { code: 9, http: 403 },
  NOT_EXIST: { code: 10, http: 404 },
  EXTERNAL_SERVICE: { code: 11, http: 502 },
  DATABASE: { code: 12, http: 500 },
} as const;
export type ApiErrorName = keyof typeof API_ERRORS;

export interface ApiError {
  readonly kind: 'api-error';
  readonly name: ApiErrorName;
  readonly message: string;
  readonly details: unknown;
  /** Overrides the table's HTTP status where the spec names a different one (e.g. refresh). */
  readonly http?: number;
}

export function apiError(
  name: ApiErrorName,
  message: string,
  details: unknown = null,
  http?: number,
): ApiError {
  return http === undefined
    ? { kind: 'api-error', name, message, details }
    : { kind: 'api-error', name, message, details, http };
}

export function isApiError(v: unknown): v is ApiError {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'api-error';
}

export function errorBody(e: ApiError): { error_code: number; error_message: string; details: unknown } {
  return { error_code: API_ERRORS[e.name].code, error_message: e.message, details: e.details };
}

export function errorHttpStatus(e: ApiError): number {
  return e.http ?? API_ERRORS[e.name].http;
}

/**
 * Analysis-level failures (tag/media problems), reported on the analysis with code 202 like Oz
 * does, plus our own codes for problems Oz does not name.
 */
export const ANALYSIS_ERRORS = {
  NO_FACE: 202,
  BIOMETRY_NEEDS_TWO: 202,
  NO_QUALITY_MEDIA: 202,
  NO_COLLECTION_MEDIA: 202,
  NO_DOCUMENT: 202,
  INVALID_PARAMS: 4,
  UNSUPPORTED_MEDIA: 203,
  NOT_IMPLEMENTED: 2,
  NOT_EXIST: 10,
  INTERNAL: 0,
} as const;

/** A failed analysis, as data. */
export interface AnalysisFailure {
  readonly kind: 'analysis-failure';
  readonly code: number;
  readonly message: string;
}

export function analysisFailure(code: number, message: string): AnalysisFailure {
  return { kind: 'analysis-failure', code, message };
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
