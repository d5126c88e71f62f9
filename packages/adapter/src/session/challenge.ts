import { randomInt } from 'node:crypto';

/** Actions whose gesture the analysis verifies on the frames (packages/analysis/src/gestures). */
export const GESTURE_ACTIONS = [
  'video_selfie_left',
  'video_selfie_right',
  'video_selfie_high',
  'video_selfie_down',
  'video_selfie_smile',
  'video_selfie_eyes',
] as const;
const HEAD_MOVEMENTS: ReadonlySet<string> = new Set([
  'video_selfie_left',
  'video_selfie_right',
  'video_selfie_high',
  'video_selfie_down',
]);

/** The gesture actions of `video_actions_list`, in its order: what a random challenge draws from. */
export function gesturePool(videoActions: readonly string[]): string[] {
  const gestures: ReadonlySet<string> = new Set(GESTURE_ACTIONS);
  return [...new Set(videoActions.filter((a) => gestures.has(a)))];
}

/** A uniform integer in [0, n); injectable so the draw can be tested. */
export type RandomIndex = (n: number) => number;
const cryptoIndex: RandomIndex = (n) => randomInt(n);

/**
 * `count` distinct gesture actions in random order, with at least one head movement whenever the
 * pool has one (so a smile-and-blink replay cannot cover every challenge). Cryptographic randomness:
 * a page must not be able to predict the next draw.
 */
export function drawChallenge(
  pool: readonly string[],
  count: number,
  random: RandomIndex = cryptoIndex,
): string[] {
  const left = [...pool];
  const out: string[] = [];
  const heads = left.filter((a) => HEAD_MOVEMENTS.has(a));
  if (count > 0 && heads.length > 0) {
    const first = heads[random(heads.length)] as string;
    out.push(first);
    left.splice(left.indexOf(first), 1);
  }
  while (out.length < count && left.length > 0) out.push(left.splice(random(left.length), 1)[0] as string);
  // The head movement must not always come first: shuffle the whole draw (Fisher–Yates).
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}
