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
  /** The clip does not show the gesture its action tag asks for (docs/gestures.md). */
  gestureNotPerformed: 'gesture_not_performed',
  /** Too few frames gave landmarks to judge the gesture. */
  gestureUnverifiable: 'gesture_unverifiable',
  /** A frame shows more than one face. */
  multipleFaces: 'multiple_faces',
  /** The frames (or the folder's media) do not all show the same person. */
  identityInconsistent: 'identity_inconsistent',
  /** Frame timestamps missing, not increasing, or at an implausible cadence. */
  timestampsInvalid: 'frame_timestamps_invalid',
  /** A frame's bytes do not match the SHA-256 its manifest lists, or the manifest lists other frames. */
  frameHashMismatch: 'frame_hash_mismatch',
  /** Two frames carry identical bytes: a frozen or replayed stream. */
  framesDuplicated: 'frames_duplicated',
  /** A gesture clip without the manifest (timestamps and hashes) the server needs to check it. */
  manifestMissing: 'frame_manifest_missing',
} as const;
export type DeclineReason = (typeof DECLINE_REASONS)[keyof typeof DECLINE_REASONS];
