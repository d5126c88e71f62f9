import type { JsonObject } from './types.js';

/**
 * Client evidence hook. The capture plugin puts an `additional_info` JSON string into each media
 * item's `meta_data`. We look at one signal only: `virtual_camera_suspected: true` forces a
 * DECLINED liveness decision, because passive anti-spoofing cannot see an injected video stream.
 * Anything else in the string is ignored; an unparsable string is ignored too (it is client
 * data and must not be able to crash or "pass" an analysis).
 */
export interface ClientEvidence {
  readonly virtualCameraSuspected: boolean;
}

export const NO_EVIDENCE: ClientEvidence = { virtualCameraSuspected: false };

export function parseClientEvidence(mediaMeta: JsonObject): ClientEvidence {
  const raw = mediaMeta.additional_info;
  if (typeof raw !== 'string') return NO_EVIDENCE;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return NO_EVIDENCE;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return NO_EVIDENCE;
  return { virtualCameraSuspected: (parsed as Record<string, unknown>).virtual_camera_suspected === true };
}

/** Stable reason codes written to `results_data.decline_reasons`. */
export const DECLINE_REASONS = {
  spoofScore: 'confidence_spoofing_above_threshold',
  virtualCamera: 'virtual_camera_suspected',
} as const;
export type DeclineReason = (typeof DECLINE_REASONS)[keyof typeof DECLINE_REASONS];
