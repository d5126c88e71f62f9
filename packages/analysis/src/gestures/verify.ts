import type { FaceGeometry } from './geometry.js';
import type { GestureKind } from './kinds.js';

/**
 * Thresholds on the geometry proxies, as changes against the clip's first frames. Chosen from the
 * fixture clips (docs/gestures.md): each sits below what the real gesture reaches there and well
 * above the frame-to-frame noise of a still or talking face.
 */
export const GESTURE_RULES = {
  /** Frames at the start of the clip that make the baseline (median). */
  baselineFrames: 3,
  /** Frames in a row that must show a turn, tilt or smile (one noisy frame is not a gesture). */
  holdFrames: 2,
  /** |Δyaw ratio| for a turn. The fixture turns of 11–14° reach 0.34–0.45; a still face moves < 0.05. */
  turn: 0.15,
  /** Δpitch ratio for "down" / "high". Fixture nods reach +0.26 / −0.17; a still face moves < 0.04. */
  down: 0.12,
  high: 0.1,
  /** A tilt only counts while the head is not turned this far (turns raise the pitch ratio too). */
  tiltMaxYaw: 0.2,
  /** Smile: mouth wider by this ratio of the eye span, and the corners raised by this ratio of its width. */
  smileWidth: 0.08,
  smileLift: 0.04,
  /**
   * Blink: the eye ratio drops to (1 − closed)·baseline, then climbs back by `reopened` of the way
   * from its lowest point to the baseline (eyes often stay a little lower after a blink).
   */
  blinkClosed: 0.25,
  blinkReopened: 0.4,
  /** Share of frames that must yield landmarks; fewer and the clip cannot be judged. */
  minMeasured: 0.6,
} as const;

export interface GestureSample {
  /** Milliseconds from the first frame. */
  readonly t: number;
  readonly g: FaceGeometry | null;
}

export type GestureVerdict =
  | { readonly ok: true; readonly at: number; readonly baseline: FaceGeometry; readonly peak: number }
  | {
      readonly ok: false;
      readonly reason: 'gesture_not_performed' | 'gesture_unverifiable';
      readonly baseline: FaceGeometry | null;
      readonly peak: number | null;
    };

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function baselineOf(gs: readonly FaceGeometry[]): FaceGeometry {
  const pick = (k: keyof FaceGeometry) => median(gs.map((g) => g[k]));
  return {
    yaw: pick('yaw'),
    pitch: pick('pitch'),
    eyes: pick('eyes'),
    mouthWidth: pick('mouthWidth'),
    mouthLift: pick('mouthLift'),
  };
}

/** How far one frame shows the gesture (≥ 1 means it does), so the verdict can report a peak. */
function strength(kind: Exclude<GestureKind, 'blink'>, g: FaceGeometry, b: FaceGeometry): number {
  const r = GESTURE_RULES;
  const dYaw = g.yaw - b.yaw;
  const dPitch = g.pitch - b.pitch;
  switch (kind) {
    case 'left':
      return dYaw / r.turn;
    case 'right':
      return -dYaw / r.turn;
    case 'down':
      return Math.abs(dYaw) < r.tiltMaxYaw ? dPitch / r.down : 0;
    case 'high':
      return Math.abs(dYaw) < r.tiltMaxYaw ? -dPitch / r.high : 0;
    case 'smile':
      return Math.min(
        (g.mouthWidth - b.mouthWidth) / r.smileWidth,
        (g.mouthLift - b.mouthLift) / r.smileLift,
      );
  }
}

/**
 * Did the clip show `kind` after its first frames? Pure: samples in time order, geometry or null
 * where no landmarks were found. Turns, tilts and smiles must hold for `holdFrames` measured frames
 * in a row; a blink must close and then reopen, in that order.
 */
export function verifyGesture(kind: GestureKind, samples: readonly GestureSample[]): GestureVerdict {
  const r = GESTURE_RULES;
  const measured = samples.filter((s) => s.g !== null).length;
  const head = samples.slice(0, r.baselineFrames);
  if (
    samples.length <= r.baselineFrames ||
    measured < r.minMeasured * samples.length ||
    head.some((s) => s.g === null)
  ) {
    return { ok: false, reason: 'gesture_unverifiable', baseline: null, peak: null };
  }
  const baseline = baselineOf(head.map((s) => s.g as FaceGeometry));
  const rest = samples.slice(r.baselineFrames);
  let peak = Number.NEGATIVE_INFINITY;
  if (kind === 'blink') {
    let closedAt: number | null = null;
    let lowest = baseline.eyes;
    for (const s of rest) {
      if (!s.g) continue;
      const drop = 1 - s.g.eyes / baseline.eyes;
      peak = Math.max(peak, drop / r.blinkClosed);
      if (closedAt === null) {
        if (drop >= r.blinkClosed) closedAt = s.t;
        else continue;
      }
      lowest = Math.min(lowest, s.g.eyes);
      if (s.g.eyes >= lowest + r.blinkReopened * (baseline.eyes - lowest) && s.g.eyes > lowest) {
        return { ok: true, at: closedAt, baseline, peak };
      }
    }
    return { ok: false, reason: 'gesture_not_performed', baseline, peak };
  }
  let streak = 0;
  for (const s of rest) {
    if (!s.g) {
      streak = 0;
      continue;
    }
    const v = strength(kind, s.g, baseline);
    peak = Math.max(peak, v);
    streak = v >= 1 ? streak + 1 : 0;
    if (streak >= r.holdFrames) return { ok: true, at: s.t, baseline, peak };
  }
  return { ok: false, reason: 'gesture_not_performed', baseline, peak };
}
