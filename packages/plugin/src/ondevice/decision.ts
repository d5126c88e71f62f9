import type { OnDeviceResult } from '@open-liveness/trust';
import { bestFrameScore } from '../capture/score.js';
import type { FaceMetrics } from '../vision/types.js';

/** Index of the "real face" class in MiniFASNet's 3-way output (0 and 2 are attack types). */
const REAL_CLASS = 1;
/** `confidence_spoofing` at or above this is `declined`: the server's default `threshold_spoofing`. */
export const ON_DEVICE_THRESHOLD = 0.5;
/** The pre-check acts only on a decline at least this confident (`on_device_precheck: true`). */
export const DEFAULT_PRECHECK_BAR = 0.8;
/** How many of an action's frames the on-device analysis scores (the server's median needs a few). */
export const FRAMES_PER_ACTION = 5;
export const ON_DEVICE_MODEL = 'MiniFASNetV2+MiniFASNetV1SE';

export function realProbability(logits: ArrayLike<number>): number {
  const values = Array.from(logits);
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return (exps[REAL_CLASS] ?? 0) / sum;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The indices of the frames worth scoring: the best `count` by the best-frame score (sharp, frontal, eyes
 * open, centred), one face only, in clip order.
 */
export function pickFrames(metrics: readonly FaceMetrics[], count = FRAMES_PER_ACTION): number[] {
  return metrics
    .map((m, i) => ({ i, score: bestFrameScore(m) }))
    .filter(({ i, score }) => score > 0 && metrics[i]?.box)
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map(({ i }) => i)
    .sort((a, b) => a - b);
}

/**
 * One action's result from the fused p(real) of each scored frame (mean of V2 and V1SE, as the server): the
 * same `confidence_spoofing = 1 − median` and the same threshold rule as the server's quality analysis.
 * No frame with a usable score fails closed (declined at 1).
 */
export function onDeviceResult(
  fusedReal: readonly number[],
  durationMs: number,
  threshold = ON_DEVICE_THRESHOLD,
): OnDeviceResult {
  const usable = fusedReal.filter((v) => Number.isFinite(v));
  const confidence = usable.length ? 1 - median(usable) : 1;
  const rounded = Math.round(confidence * 1e6) / 1e6;
  return {
    resolution: rounded >= threshold ? 'declined' : 'success',
    confidence_spoofing: rounded,
    model: ON_DEVICE_MODEL,
    duration_ms: Math.round(durationMs),
  };
}

/** What the pre-check tells the person: move to better light, or face the camera yourself. */
export type PrecheckReason = 'light' | 'presence';

export interface PrecheckInput {
  result: OnDeviceResult | null;
  /** Face brightness (0..255) of the frames of the action. */
  brightness: readonly number[];
}

export type PrecheckDecision =
  | { retry: false }
  | { retry: true; reason: PrecheckReason; confidence_spoofing: number };

/** Below this mean face brightness the advice is better light (the guidance warns below 40). */
export const DIM_FACE_BRIGHTNESS = 70;

/**
 * The pre-check before the upload: ask the person to try again when an action was declined on the device with
 * at least `bar` confidence. It only ever holds an upload back; an on-device success decides nothing (the
 * server analyses every upload). Actions without an on-device result never trigger it.
 */
export function precheckDecision(actions: readonly PrecheckInput[], bar: number | null): PrecheckDecision {
  if (bar === null) return { retry: false };
  let worst: PrecheckInput | null = null;
  for (const a of actions) {
    if (a.result?.resolution !== 'declined' || a.result.confidence_spoofing < bar) continue;
    if (!worst?.result || a.result.confidence_spoofing > worst.result.confidence_spoofing) worst = a;
  }
  if (!worst?.result) return { retry: false };
  const lit = worst.brightness.filter((b) => b > 0);
  const dim = lit.length > 0 && median(lit) < DIM_FACE_BRIGHTNESS;
  return {
    retry: true,
    reason: dim ? 'light' : 'presence',
    confidence_spoofing: worst.result.confidence_spoofing,
  };
}
