import type { FrameStats } from './stats.js';

/** What the person is told while framing a document, most important first. */
export type DocumentHint =
  | 'document_not_in_frame'
  | 'move_closer'
  | 'too_dark'
  | 'glare'
  | 'blurred'
  | 'hold_still';

export interface HintThresholds {
  /** Below this edge fit no document outline is near the frame. */
  minEdgeFitSeen: number;
  /** Between seen and this, the outline is there but inside the frame: move closer. */
  minEdgeFitFilled: number;
  minBrightness: number;
  maxGlare: number;
  minSharpness: number;
  maxMotion: number;
}

/**
 * Starting values, to be calibrated on recorded document clips: edge fit on a card that fills an
 * ID-1 frame is well above 0.5, an empty desk scores under 0.15; 2% saturated pixels is a visible
 * glare spot; a motion of 6 grey levels per pixel is a hand that is still moving.
 */
export const DEFAULT_HINT_THRESHOLDS: HintThresholds = {
  minEdgeFitSeen: 0.15,
  minEdgeFitFilled: 0.45,
  minBrightness: 60,
  maxGlare: 0.02,
  minSharpness: 60,
  maxMotion: 6,
};

/** The one hint that matters now, or null when the frame is good enough to shoot. */
export function documentHint(
  s: FrameStats,
  t: HintThresholds = DEFAULT_HINT_THRESHOLDS,
): DocumentHint | null {
  if (s.brightness < t.minBrightness) return 'too_dark';
  if (s.edgeFit < t.minEdgeFitSeen) return 'document_not_in_frame';
  if (s.edgeFit < t.minEdgeFitFilled) return 'move_closer';
  if (s.glare > t.maxGlare) return 'glare';
  if (s.motion > t.maxMotion) return 'hold_still';
  if (s.sharpness < t.minSharpness) return 'blurred';
  return null;
}
