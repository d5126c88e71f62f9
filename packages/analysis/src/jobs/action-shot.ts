import type { Point } from '../models/image.js';

/**
 * Action shots (`extract_action_shot`): for a gesture, the frame that shows it best — closed eyes
 * for a blink, the widest mouth for a smile, the largest head turn or nod. Measured on the iBUG-68
 * landmarks the service already computes, so no model is added. Actions without a gesture (blank,
 * best) have no action shot.
 */
export type GestureMeasure = 'eye_openness' | 'mouth_width' | 'head_turn' | 'head_nod';

const GESTURE_BY_TAG: Readonly<Record<string, { measure: GestureMeasure; pick: 'min' | 'max' }>> = {
  video_selfie_eyes: { measure: 'eye_openness', pick: 'min' },
  video_selfie_smile: { measure: 'mouth_width', pick: 'max' },
  video_selfie_left: { measure: 'head_turn', pick: 'max' },
  video_selfie_right: { measure: 'head_turn', pick: 'max' },
  video_selfie_scan: { measure: 'head_turn', pick: 'max' },
  video_selfie_high: { measure: 'head_nod', pick: 'max' },
  video_selfie_down: { measure: 'head_nod', pick: 'max' },
};

export function gestureOf(tags: readonly string[]): { measure: GestureMeasure; pick: 'min' | 'max' } | null {
  for (const t of tags) {
    const g = GESTURE_BY_TAG[t];
    if (g) return g;
  }
  return null;
}

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
const at = (pts: readonly Point[], i: number): Point => pts[i] as Point;

/** Eye aspect ratio (mean of both eyes): about 0.3 open, below 0.15 closed. */
function eyeOpenness(p: readonly Point[]): number {
  const ear = (o: number) =>
    (dist(at(p, o + 1), at(p, o + 5)) + dist(at(p, o + 2), at(p, o + 4))) /
    (2 * dist(at(p, o), at(p, o + 3)));
  return (ear(36) + ear(42)) / 2;
}

/** Mouth corner distance over the outer eye-corner distance: grows with a smile. */
function mouthWidth(p: readonly Point[]): number {
  return dist(at(p, 48), at(p, 54)) / dist(at(p, 36), at(p, 45));
}

/** How far the nose tip sits off the jaw's centre line, over the jaw width: 0 frontal. */
function headTurn(p: readonly Point[]): number {
  const jawL = at(p, 0);
  const jawR = at(p, 16);
  return Math.abs(at(p, 30).x - (jawL.x + jawR.x) / 2) / Math.max(1, dist(jawL, jawR));
}

/** Nose tip height between the eye line and the chin, 0–1; compared against the media's median. */
function noseHeight(p: readonly Point[]): number {
  const eyeY = (at(p, 36).y + at(p, 45).y) / 2;
  return (at(p, 30).y - eyeY) / Math.max(1, at(p, 8).y - eyeY);
}

/**
 * The index of the frame that shows the gesture best among `landmarks` (one set per frame), with
 * the measured value; null when there is nothing to choose from.
 */
export function pickActionFrame(
  measure: GestureMeasure,
  pick: 'min' | 'max',
  landmarks: readonly (readonly Point[])[],
): { index: number; value: number } | null {
  if (landmarks.length === 0) return null;
  let values: number[];
  if (measure === 'head_nod') {
    const heights = landmarks.map(noseHeight);
    const sorted = [...heights].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1] as number;
    values = heights.map((h) => Math.abs(h - median));
  } else {
    const f = measure === 'eye_openness' ? eyeOpenness : measure === 'mouth_width' ? mouthWidth : headTurn;
    values = landmarks.map(f);
  }
  let index = 0;
  for (let i = 1; i < values.length; i++) {
    const better =
      pick === 'min'
        ? (values[i] as number) < (values[index] as number)
        : (values[i] as number) > (values[index] as number);
    if (better) index = i;
  }
  return { index, value: values[index] as number };
}
