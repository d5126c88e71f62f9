import { ERROR_CODES, type LivenessError, LivenessFailure, toFailure } from '../errors/codes.js';
import type { NormalizedOptions } from '../options.js';
import type { FailureInfo, HostCallback } from './session-types.js';

export function failure(
  code: LivenessFailure['code'],
  detail: string,
  context: Record<string, unknown> = {},
): LivenessFailure {
  return new LivenessFailure(code, detail, context);
}

/** Any thrown value as the machine's failure record; an abort reads as internal_error "aborted". */
export function failureOf(err: unknown): FailureInfo {
  if (err instanceof DOMException && err.name === 'AbortError')
    return { code: 'internal_error', detail: 'aborted', context: {} };
  const f = toFailure(err);
  return { code: f.code, detail: f.message, context: f.context };
}

/** The on_error payload for a failure: its detail, else the translated message of its code. */
export function errorPayload(
  f: FailureInfo,
  eventSessionId: string,
  translate: (key: string) => string,
): LivenessError {
  const entry = ERROR_CODES[f.code];
  return {
    code: f.code,
    message: f.detail || translate(entry.messageKey),
    event_session_id: eventSessionId,
    context: f.context,
    retryable: entry.retryable,
  };
}

/** Host callbacks must never break the session: their exceptions are logged and swallowed here. */
export function callHost(options: NormalizedOptions, name: HostCallback, payload?: unknown): void {
  const fn = options[name] as ((...a: unknown[]) => void) | undefined;
  if (!fn) return;
  try {
    if (payload === undefined) fn();
    else fn(payload);
  } catch (err) {
    console.error(`[OzLiveness] ${name} callback threw`, err);
  }
}
