import type { FaceMetrics } from '../vision/types.js';
import { faceOffsetX, faceOffsetY, faceToOvalSize, type Oval, ovalFor } from './oval.js';

/** Hints in priority order: the first failing condition is the one shown. */
export const HINTS = [
  'action_hint_no_face',
  'more_than_one_face',
  'action_hint_not_centered',
  'action_hint_move_closer',
  'action_hint_move_away',
  'action_hint_look_straight',
  'action_hint_open_eyes_wide',
  'action_hint_too_dark',
  'action_hint_too_blurry',
] as const;
export type GuidanceHint = (typeof HINTS)[number];

export interface GuidanceLimits {
  /** Face width / oval width. */
  minSize: number;
  maxSize: number;
  /** Max centre offset in oval radii, across and up/down (people misjudge height more). */
  maxOffsetX: number;
  maxOffsetY: number;
  maxYaw: number;
  maxRoll: number;
  /**
   * Pitch window; webcams below eye level read about −10° when the user looks straight. Pose limits are
   * also what makes a gesture baseline trustworthy: a head held turned is not a neutral pose.
   */
  minPitch: number;
  maxPitch: number;
  maxBlink: number;
  minBrightness: number;
  minSharpness: number;
}

export const DEFAULT_LIMITS: GuidanceLimits = {
  minSize: 0.45,
  maxSize: 1.05,
  maxOffsetX: 0.35,
  maxOffsetY: 0.5,
  maxYaw: 10,
  maxRoll: 15,
  minPitch: -24,
  maxPitch: 12,
  maxBlink: 0.5,
  minBrightness: 40,
  // Laplacian variance of the 96x96 face crop: real webcam clips measure 20–1200, the same clips blurred
  // (boxblur 5) 6–7; 12 keeps a 2x margin on both sides.
  minSharpness: 12,
};

/** The one hint that matters now, or null when the face is ready for capture. Pure. */
export function guidance(
  m: FaceMetrics,
  limits: GuidanceLimits = DEFAULT_LIMITS,
  guide: Oval = ovalFor(m.frameWidth, m.frameHeight),
): GuidanceHint | null {
  if (m.faceCount === 0 || !m.box) return 'action_hint_no_face';
  if (m.faceCount > 1) return 'more_than_one_face';
  const oval = guide;
  if (
    Math.abs(faceOffsetX(m.box, oval)) > limits.maxOffsetX ||
    Math.abs(faceOffsetY(m.box, oval)) > limits.maxOffsetY
  )
    return 'action_hint_not_centered';
  const size = faceToOvalSize(m.box, oval);
  if (size < limits.minSize) return 'action_hint_move_closer';
  if (size > limits.maxSize) return 'action_hint_move_away';
  if (
    Math.abs(m.yaw) > limits.maxYaw ||
    Math.abs(m.roll) > limits.maxRoll ||
    m.pitch < limits.minPitch ||
    m.pitch > limits.maxPitch
  ) {
    return 'action_hint_look_straight';
  }
  if (m.blink > limits.maxBlink) return 'action_hint_open_eyes_wide';
  if (m.brightness < limits.minBrightness) return 'action_hint_too_dark';
  if (m.sharpness < limits.minSharpness) return 'action_hint_too_blurry';
  return null;
}
