import type { LocaleKey } from '@open-liveness/locales';
import type { GuidanceHint } from '../flow/guidance.js';
import type { ActionId } from '../options.js';
import type { FaceMetrics } from '../vision/types.js';
import type { GestureKind } from './gestures.js';

/**
 * What each video action asks of the user and how long it records.
 * - passive: record `clipMs` once the face is steady (no prompt);
 * - scan: record `clipMs` while the user follows moving text; eyes closed for `maxEyesClosedMs` fails it;
 * - gesture: prompt, record until the gesture is detected (plus `tailMs`), within `gestureTimeoutMs`.
 */
export type ActionSpec =
  | { id: ActionId; kind: 'passive'; clipMs: number; minFrames: number }
  | {
      id: ActionId;
      kind: 'scan';
      clipMs: number;
      minFrames: number;
      promptKey: LocaleKey;
      maxEyesClosedMs: number;
    }
  | {
      id: ActionId;
      kind: 'gesture';
      gesture: GestureKind;
      promptKey: LocaleKey;
      tailMs: number;
      /** A condition that must hold before the prompt (e.g. not smiling yet), with its hint. */
      preCheck?: (m: FaceMetrics) => GuidanceHint | 'action_hint_dont_smile' | null;
    };

const gesture = (id: ActionId, g: GestureKind, promptKey: LocaleKey): ActionSpec => ({
  id,
  kind: 'gesture',
  gesture: g,
  promptKey,
  tailMs: 300,
});

export const ACTION_SPECS: Partial<Record<ActionId, ActionSpec>> = {
  video_selfie_blank: { id: 'video_selfie_blank', kind: 'passive', clipMs: 700, minFrames: 10 },
  video_selfie_best: { id: 'video_selfie_best', kind: 'passive', clipMs: 300, minFrames: 4 },
  video_selfie_scan: {
    id: 'video_selfie_scan',
    kind: 'scan',
    clipMs: 5000,
    minFrames: 10,
    promptKey: 'oz_action_scan_go',
    maxEyesClosedMs: 400,
  },
  video_selfie_smile: {
    ...gesture('video_selfie_smile', 'smile', 'oz_action_smile_go'),
    // The smile must be a response to the prompt, so a face already smiling is asked to stop first.
    preCheck: (m) => (m.smile >= 0.35 ? 'action_hint_dont_smile' : null),
  } as ActionSpec,
  video_selfie_eyes: gesture('video_selfie_eyes', 'blink', 'oz_action_eyes_go'),
  video_selfie_left: gesture('video_selfie_left', 'left', 'oz_action_left_go'),
  video_selfie_right: gesture('video_selfie_right', 'right', 'oz_action_right_go'),
  video_selfie_high: gesture('video_selfie_high', 'high', 'oz_action_high_go'),
  video_selfie_down: gesture('video_selfie_down', 'down', 'oz_action_down_go'),
};

/** Shared timing of every action's positioning and retry phases. */
export const FLOW_TIMING = {
  /** The face must be ready and still this long before recording or prompting. */
  steadyMs: 400,
  /** Max pose spread (degrees) in the steady window for it to count as a baseline. */
  maxBaselineSpreadDeg: 5,
  gestureTimeoutMs: 5000,
  /**
   * How long the "try again" message stays before positioning restarts; each retry waits `retryPauseStepMs`
   * longer, which gives the user more time to read and keeps attempts from repeating the same rhythm.
   */
  retryPauseMs: 2000,
  retryPauseStepMs: 500,
  maxAttempts: 3,
  /** Give up when the face never becomes ready for this long. */
  positioningTimeoutMs: 60_000,
  /** Recording continues at most this long, whatever the frame rate (slow devices). */
  maxClipMs: 8000,
} as const;
