/**
 * Plausible capture timing: the plugin records frames as the vision worker finishes them, so the
 * cadence is one every 15–500 ms depending on the device, and a clip lasts seconds, not minutes.
 */
export const TIMING_RULES = {
  minMedianGapMs: 10,
  maxMedianGapMs: 600,
  maxGapMs: 1500,
  maxDurationMs: 30_000,
} as const;

/** True when the timestamps (ms from the first frame) strictly increase at a plausible cadence. */
export function plausibleTimestamps(ts: readonly (number | undefined)[]): boolean {
  if (ts.length === 0) return false;
  const r = TIMING_RULES;
  const gaps: number[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    if (t === undefined || !Number.isFinite(t) || t < 0) return false;
    if (i > 0) {
      const gap = t - (ts[i - 1] as number);
      if (gap <= 0 || gap > r.maxGapMs) return false;
      gaps.push(gap);
    }
  }
  if ((ts[ts.length - 1] as number) - (ts[0] as number) > r.maxDurationMs) return false;
  if (gaps.length === 0) return true;
  gaps.sort((a, b) => a - b);
  const median = gaps[gaps.length >> 1] as number;
  return median >= r.minMedianGapMs && median <= r.maxMedianGapMs;
}
