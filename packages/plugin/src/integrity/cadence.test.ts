import { describe, expect, it } from 'vitest';
import { type CadenceSamples, frameCadenceRecord } from './cadence.js';
import { CadenceRecorder } from './collect.js';

/** Deterministic pseudo-random noise so the traces are reproducible. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
}

function trace(
  count: number,
  intervalMs: (i: number) => number,
  hash?: (i: number) => number,
): CadenceSamples {
  const now: number[] = [];
  const mediaTime: number[] = [];
  const contentHash: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    t += i === 0 ? 0 : intervalMs(i);
    now.push(1000 + t + 8);
    mediaTime.push(t / 1000);
    contentHash.push(hash?.(i) ?? i);
  }
  return { count, now, mediaTime, contentHash };
}

describe('frameCadenceRecord', () => {
  it('passes a real-camera-like cadence with a little jitter', () => {
    const rand = noise(1);
    const record = frameCadenceRecord(trace(120, () => 33.3 + rand() * 4));
    expect(record.reasons).toEqual([]);
    expect(record.mean_interval_ms).toBeCloseTo(33.3, 0);
    expect(record.jitter_ms).toBeGreaterThan(0.5);
  });

  it('flags a perfectly regular, synthetic cadence', () => {
    expect(frameCadenceRecord(trace(120, () => 1000 / 30)).reasons).toEqual(['cadence_too_regular']);
  });

  it('flags a heavily jittered cadence', () => {
    const rand = noise(2);
    // Bursts and long pauses alternating, as when a relay re-times frames in batches.
    const record = frameCadenceRecord(trace(120, () => (rand() > 0 ? 8 : 90) + rand() * 4));
    expect(record.reasons).toEqual(['cadence_irregular']);
  });

  it('flags duplicated and frozen frames', () => {
    const rand = noise(3);
    // Content stops changing after frame 40: a still image fed at a normal frame rate.
    const record = frameCadenceRecord(
      trace(
        120,
        () => 33.3 + rand() * 4,
        (i) => Math.min(i, 40),
      ),
    );
    expect(record.reasons).toEqual(['frames_duplicated', 'feed_frozen']);
    expect(record.duplicate_ratio).toBeGreaterThan(0.6);
    expect(record.longest_freeze_ms).toBeGreaterThan(2500);
  });

  it('flags a stalled feed (no frames for over a second)', () => {
    const rand = noise(4);
    const record = frameCadenceRecord(trace(90, (i) => (i === 45 ? 1500 : 33.3 + rand() * 4)));
    expect(record.reasons).toContain('feed_frozen');
    expect(record.max_gap_ms).toBeCloseTo(1500, 0);
  });

  it('does not judge timing on too few frames', () => {
    expect(frameCadenceRecord(trace(10, () => 1000 / 30)).reasons).toEqual(['too_few_frames']);
    expect(frameCadenceRecord({ count: 0, now: [], mediaTime: [] }).reasons).toEqual(['too_few_frames']);
  });
});

describe('CadenceRecorder', () => {
  it('records into fixed storage and stops when full', () => {
    const recorder = new CadenceRecorder(3);
    for (let i = 0; i < 5; i++) recorder.onFrame(i * 33, i * 0.033, i);
    const samples = recorder.samples();
    expect(samples.count).toBe(3);
    expect(Array.from(samples.mediaTime)).toEqual([0, 0.033, 0.066]);
    expect(samples.contentHash).toBeDefined();
    recorder.reset();
    recorder.onFrame(1, 0.001);
    expect(recorder.samples()).toMatchObject({ count: 1 });
    expect(recorder.samples().contentHash).toBeUndefined();
  });
});
