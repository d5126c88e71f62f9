import type { EvidenceReason, FrameCadenceRecord } from '@open-liveness/trust';

/**
 * Frame-timing statistics from `requestVideoFrameCallback`. Struct-of-arrays input so the per-frame
 * recorder (see collect.ts) only writes numbers into preallocated arrays.
 */
export interface CadenceSamples {
  readonly count: number;
  /** Callback `now` (performance.now, ms): when the page saw the frame. */
  readonly now: ArrayLike<number>;
  /** `metadata.mediaTime` (seconds): the capture timestamp of the frame. */
  readonly mediaTime: ArrayLike<number>;
  /** Optional cheap content hash per frame (e.g. of a tiny downscale); equal hashes = same picture. */
  readonly contentHash?: ArrayLike<number>;
}

export interface CadenceThresholds {
  /** Fewer intervals than this and no timing reason is raised (too little data). */
  readonly minIntervals: number;
  /** Jitter (std dev) below this over a full window looks synthetic: file playback, timers. */
  readonly tooRegularJitterMs: number;
  /** Coefficient of variation above this looks like a relayed or re-timed stream. */
  readonly irregularCv: number;
  readonly duplicateRatio: number;
  /** A picture that does not change (or no frame at all) for this long counts as frozen. */
  readonly frozenMs: number;
}

/**
 * Starting points, not calibrated truths: tune them on recorded traces of real devices. The
 * too-regular bound is deliberately tiny because hardware-clocked cameras can be very steady.
 */
export const DEFAULT_CADENCE_THRESHOLDS: CadenceThresholds = {
  minIntervals: 30,
  tooRegularJitterMs: 0.05,
  irregularCv: 0.5,
  duplicateRatio: 0.2,
  frozenMs: 1000,
};

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function frameCadenceRecord(
  samples: CadenceSamples,
  thresholds: CadenceThresholds = DEFAULT_CADENCE_THRESHOLDS,
): FrameCadenceRecord {
  const { count, now, mediaTime, contentHash } = samples;
  let intervals = 0;
  let sum = 0;
  let sumSquares = 0;
  let maxGap = 0;
  let duplicates = 0;
  let runStart = 0; // index of the first frame of the current run of identical pictures
  let longestFreeze = 0;

  for (let i = 1; i < count; i++) {
    const deltaMs = ((mediaTime[i] ?? 0) - (mediaTime[i - 1] ?? 0)) * 1000;
    const repeated = deltaMs === 0 || (contentHash !== undefined && contentHash[i] === contentHash[i - 1]);
    if (repeated) {
      duplicates++;
      longestFreeze = Math.max(longestFreeze, (now[i] ?? 0) - (now[runStart] ?? 0));
    } else {
      runStart = i;
    }
    // No callback at all for a long time is a freeze as well (the feed stalled).
    longestFreeze = Math.max(longestFreeze, (now[i] ?? 0) - (now[i - 1] ?? 0));
    if (deltaMs > 0) {
      intervals++;
      sum += deltaMs;
      sumSquares += deltaMs * deltaMs;
      maxGap = Math.max(maxGap, deltaMs);
    }
  }

  const mean = intervals > 0 ? sum / intervals : 0;
  const jitter = intervals > 1 ? Math.sqrt(Math.max(0, sumSquares / intervals - mean * mean)) : 0;
  const duplicateRatio = count > 1 ? duplicates / (count - 1) : 0;
  const reasons: EvidenceReason[] = [];
  if (intervals < thresholds.minIntervals) reasons.push('too_few_frames');
  else if (jitter < thresholds.tooRegularJitterMs) reasons.push('cadence_too_regular');
  else if (mean > 0 && jitter / mean > thresholds.irregularCv) reasons.push('cadence_irregular');
  if (count > 1 && duplicateRatio > thresholds.duplicateRatio) reasons.push('frames_duplicated');
  if (longestFreeze >= thresholds.frozenMs) reasons.push('feed_frozen');

  return {
    type: 'frame_cadence',
    frames: count,
    mean_interval_ms: round(mean),
    jitter_ms: round(jitter),
    max_gap_ms: round(maxGap),
    duplicate_ratio: round(duplicateRatio),
    longest_freeze_ms: round(longestFreeze),
    reasons,
  };
}
