import type { FaceMetrics } from '../vision/types.js';

/** The user's own neutral pose and expression, measured just before the prompt. */
export interface Baseline {
  yaw: number;
  pitch: number;
  smile: number;
  blink: number;
}

/**
 * Gesture thresholds, all relative to the baseline. Turn/tilt: 8° is below what the fixture nod and turn
 * reach (11–17°) yet 3× the frame-to-frame pose noise of a still face (±1–2°, up to ±3° while talking).
 */
export const GESTURE_THRESHOLDS = {
  turnDeg: 8,
  tiltDeg: 8,
  /** Smile counts at this score or baseline + smileRise, whichever is higher. */
  smileMin: 0.6,
  smileRise: 0.35,
  /** Eyes count as closed at this blink score or baseline + blinkRise, whichever is higher… */
  blinkClosedMin: 0.45,
  blinkRise: 0.25,
  /** …and as open again at or below this score or baseline + blinkReopenMargin, whichever is higher. */
  blinkOpenMax: 0.3,
  blinkReopenMargin: 0.12,
  /** Frames in a row that must show the gesture (one noisy frame is not a gesture). */
  holdFrames: 2,
} as const;

export type GestureKind = 'smile' | 'blink' | 'left' | 'right' | 'high' | 'down';

/** Detector state: consecutive frames showing the gesture, and for blink whether the eyes closed. */
export interface DetectorState {
  streak: number;
  closed: boolean;
}
export const initialDetector: DetectorState = { streak: 0, closed: false };

/** True when this frame shows the gesture (blink: handled separately because it has two phases). */
function shows(kind: Exclude<GestureKind, 'blink'>, m: FaceMetrics, b: Baseline): boolean {
  const t = GESTURE_THRESHOLDS;
  switch (kind) {
    case 'smile':
      return m.smile >= Math.max(t.smileMin, b.smile + t.smileRise);
    // Yaw > 0 is the subject's own left (see vision/pose.ts), so "turn left" means the user's left.
    case 'left':
      return m.yaw - b.yaw >= t.turnDeg;
    case 'right':
      return m.yaw - b.yaw <= -t.turnDeg;
    // Pitch > 0 is head down.
    case 'down':
      return m.pitch - b.pitch >= t.tiltDeg;
    case 'high':
      return m.pitch - b.pitch <= -t.tiltDeg;
  }
}

/** One frame of a gesture detector. Pure. `done` when the gesture has really happened. */
export function detectGesture(
  kind: GestureKind,
  state: DetectorState,
  m: FaceMetrics,
  b: Baseline,
): { state: DetectorState; done: boolean } {
  const t = GESTURE_THRESHOLDS;
  if (!m.box || m.faceCount !== 1) return { state: { ...state, streak: 0 }, done: false };
  if (kind === 'blink') {
    if (!state.closed) {
      const closed = m.blink >= Math.max(t.blinkClosedMin, b.blink + t.blinkRise);
      return { state: { streak: 0, closed }, done: false };
    }
    const reopened = m.blink <= Math.max(t.blinkOpenMax, b.blink + t.blinkReopenMargin);
    return { state, done: reopened };
  }
  const streak = shows(kind, m, b) ? state.streak + 1 : 0;
  return { state: { streak, closed: false }, done: streak >= t.holdFrames };
}

/** Median of the window's values: robust to one odd frame. */
export function baselineOf(window: readonly FaceMetrics[]): Baseline {
  const median = (pick: (m: FaceMetrics) => number) => {
    const v = window.map(pick).sort((a, b) => a - b);
    return v.length === 0 ? 0 : (v[Math.floor(v.length / 2)] ?? 0);
  };
  return {
    yaw: median((m) => m.yaw),
    pitch: median((m) => m.pitch),
    smile: median((m) => m.smile),
    blink: median((m) => m.blink),
  };
}

/** Pose spread (max−min of yaw and of pitch) in a window: a baseline is taken only when the head is still. */
export function poseSpread(window: readonly FaceMetrics[]): number {
  if (window.length === 0) return 0;
  const yaws = window.map((m) => m.yaw);
  const pitches = window.map((m) => m.pitch);
  return Math.max(Math.max(...yaws) - Math.min(...yaws), Math.max(...pitches) - Math.min(...pitches));
}
