import type { LocaleKey } from '@open-liveness/locales';

/**
 * Every `on_error` code the plugin can report. One row per situation; `messageKey` is the locale key shown
 * to the user and `retryable` tells the host whether opening again can help.
 */
export const ERROR_CODES = {
  camera_denied: { messageKey: 'error_no_camera_access', retryable: true },
  camera_not_found: { messageKey: 'error_no_camera', retryable: false },
  camera_unusable: { messageKey: 'error_bad_camera', retryable: true },
  get_user_media_timeout: { messageKey: 'error_camera_timeout_title', retryable: true },
  iframe_not_allowed: { messageKey: 'error_iframe_not_allowed', retryable: false },
  locale_unavailable: { messageKey: 'error_unknown', retryable: false },
  resource_load_failed: { messageKey: 'unable_load_resource', retryable: true },
  session_already_open: { messageKey: 'error_unknown', retryable: false },
  invalid_options: { messageKey: 'error_unknown', retryable: false },
  unsupported_browser: { messageKey: 'error_slow_backend', retryable: false },
  gesture_attempts_exhausted: { messageKey: 'number_of_attempts_exhausted', retryable: true },
  capture_timeout: { messageKey: 'error_unknown', retryable: true },
  upload_failed: { messageKey: 'error_data_upload', retryable: true },
  api_unavailable: { messageKey: 'error_service_unavailable', retryable: true },
  license_invalid: { messageKey: 'error_license', retryable: false },
  license_expired: { messageKey: 'error_license', retryable: false },
  license_origin_mismatch: { messageKey: 'error_license', retryable: false },
  license_missing: { messageKey: 'error_license', retryable: false },
  origin_not_allowed: { messageKey: 'error_license', retryable: false },
  /** The session request never got an answer: network down, adapter unreachable, or blocked by CORS. */
  adapter_unreachable: { messageKey: 'error_connection_lost', retryable: true },
  /** The adapter refused the session request with a 4xx the plugin has no better code for. */
  session_rejected: { messageKey: 'error_service_unavailable', retryable: true },
  container_rejected: { messageKey: 'error_data_upload', retryable: true },
  integrity_blocked: { messageKey: 'error_unknown', retryable: false },
  internal_error: { messageKey: 'error_unknown', retryable: false },
  /** Plain http on a host that is not localhost/127.0.0.1/[::1]: browsers give such pages no camera. */
  insecure_context: { messageKey: 'error_insecure_context', retryable: false },
  /** The session request got no answer in time. */
  session_timeout: { messageKey: 'error_connection_lost', retryable: true },
  /** The vision worker died after start-up (wasm abort, crash). */
  vision_crashed: { messageKey: 'error_vision_crashed', retryable: true },
  /** `on_device_precheck`: a confident on-device decline held the upload back; the person may try again. */
  on_device_declined: { messageKey: 'action_repeat', retryable: true },
} as const satisfies Record<string, { messageKey: LocaleKey; retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The payload of `on_error` (plugin-api §5.3) plus `retryable`. */
export interface LivenessError {
  code: ErrorCode;
  message: string;
  event_session_id: string;
  context: Record<string, unknown>;
  retryable: boolean;
}

/** A failure inside the core, carried as a value until it reaches the session edge. */
export class LivenessFailure extends Error {
  readonly code: ErrorCode;
  readonly context: Record<string, unknown>;
  constructor(code: ErrorCode, detail: string, context: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'LivenessFailure';
    this.code = code;
    this.context = context;
  }
}

export function toFailure(err: unknown, fallback: ErrorCode = 'internal_error'): LivenessFailure {
  if (err instanceof LivenessFailure) return err;
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new LivenessFailure(fallback, detail);
}
