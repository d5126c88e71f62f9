import { describe, expect, it } from 'vitest';
import { type FaceGeometry, faceGeometry } from './geometry.js';
import { gestureOfTags } from './kinds.js';
import { plausibleTimestamps } from './timing.js';
import { type GestureSample, verifyGesture } from './verify.js';

const still: FaceGeometry = { yaw: 0.03, pitch: 0.3, eyes: 0.28, mouthWidth: 0.55, mouthLift: 0.02 };
const series = (...gs: (Partial<FaceGeometry> | null)[]): GestureSample[] =>
  gs.map((g, i) => ({ t: i * 100, g: g === null ? null : { ...still, ...g } }));

describe('gesture verification (pure)', () => {
  it('needs a turn held for two frames after the baseline, in the asked direction', () => {
    expect(verifyGesture('left', series({}, {}, {}, { yaw: 0.3 }, { yaw: 0.35 })).ok).toBe(true);
    expect(verifyGesture('left', series({}, {}, {}, { yaw: 0.3 }, {})).ok).toBe(false);
    expect(verifyGesture('right', series({}, {}, {}, { yaw: 0.3 }, { yaw: 0.35 })).ok).toBe(false);
    expect(verifyGesture('right', series({}, {}, {}, { yaw: -0.3 }, { yaw: -0.35 })).ok).toBe(true);
  });

  it('judges against the first frames, not against zero', () => {
    const turnedFromStart = series({ yaw: 0.4 }, { yaw: 0.4 }, { yaw: 0.4 }, { yaw: 0.42 }, { yaw: 0.41 });
    expect(verifyGesture('left', turnedFromStart)).toMatchObject({
      ok: false,
      reason: 'gesture_not_performed',
    });
    const smiling = series(...Array.from({ length: 6 }, () => ({ mouthWidth: 0.8, mouthLift: 0.15 })));
    expect(verifyGesture('smile', smiling).ok).toBe(false);
  });

  it('does not count a turn as a tilt', () => {
    const turn = series({}, {}, {}, { yaw: 0.4, pitch: 0.45 }, { yaw: 0.45, pitch: 0.46 });
    expect(verifyGesture('down', turn).ok).toBe(false);
    expect(verifyGesture('down', series({}, {}, {}, { pitch: 0.5 }, { pitch: 0.52 })).ok).toBe(true);
    expect(verifyGesture('high', series({}, {}, {}, { pitch: 0.15 }, { pitch: 0.12 })).ok).toBe(true);
  });

  it('needs a smile to widen and lift the mouth', () => {
    expect(verifyGesture('smile', series({}, {}, {}, { mouthWidth: 0.7 }, { mouthWidth: 0.7 })).ok).toBe(
      false,
    );
    const smile = { mouthWidth: 0.7, mouthLift: 0.1 };
    expect(verifyGesture('smile', series({}, {}, {}, smile, smile)).ok).toBe(true);
  });

  it('needs a blink to close and then reopen, in that order', () => {
    expect(verifyGesture('blink', series({}, {}, {}, { eyes: 0.15 }, { eyes: 0.26 })).ok).toBe(true);
    expect(verifyGesture('blink', series({}, {}, {}, { eyes: 0.15 }, { eyes: 0.15 })).ok).toBe(false);
    expect(verifyGesture('blink', series({}, {}, {}, { eyes: 0.24 }, { eyes: 0.28 })).ok).toBe(false);
  });

  it('cannot judge a clip whose first frames or most frames have no landmarks', () => {
    expect(verifyGesture('left', series(null, {}, {}, { yaw: 0.3 }, { yaw: 0.3 }))).toMatchObject({
      ok: false,
      reason: 'gesture_unverifiable',
    });
    expect(verifyGesture('left', series({}, {}, {}, null, null, null, null, null))).toMatchObject({
      reason: 'gesture_unverifiable',
    });
    expect(verifyGesture('left', series({}, {}))).toMatchObject({ reason: 'gesture_unverifiable' });
  });
});

describe('frame timing', () => {
  it('accepts increasing timestamps at a camera cadence', () => {
    expect(plausibleTimestamps([0, 33, 70, 100, 140])).toBe(true);
    expect(plausibleTimestamps([0, 200, 400, 600])).toBe(true);
  });
  it('refuses missing, repeated, decreasing, gapped or too slow timestamps', () => {
    expect(plausibleTimestamps([0, undefined, 66])).toBe(false);
    expect(plausibleTimestamps([0, 33, 33, 66])).toBe(false);
    expect(plausibleTimestamps([0, 66, 33])).toBe(false);
    expect(plausibleTimestamps([0, 33, 5000])).toBe(false);
    expect(plausibleTimestamps([0, 1, 2, 3, 4])).toBe(false);
    expect(plausibleTimestamps([0, Number.NaN])).toBe(false);
    expect(plausibleTimestamps([])).toBe(false);
  });
});

describe('geometry and tags', () => {
  it('gives no geometry for missing or non-finite landmarks', () => {
    expect(faceGeometry([])).toBeNull();
    const pts = Array.from({ length: 68 }, () => ({ x: Number.NaN, y: 1 }));
    expect(faceGeometry(pts)).toBeNull();
  });
  it('maps action tags to gestures; passive actions have none', () => {
    expect(gestureOfTags(['video_selfie', 'video_selfie_eyes'])).toBe('blink');
    expect(gestureOfTags(['video_selfie', 'video_selfie_blank'])).toBeNull();
  });
});
