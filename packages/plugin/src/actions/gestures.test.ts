import { describe, expect, it } from 'vitest';
import { sampleFace } from '../../test/sample-face.js';
import type { FaceMetrics } from '../vision/types.js';
import {
  type Baseline,
  baselineOf,
  detectGesture,
  type GestureKind,
  initialDetector,
  poseSpread,
} from './gestures.js';

const face: FaceMetrics = sampleFace;
const base: Baseline = { yaw: 3, pitch: -10, smile: 0.02, blink: 0.05 };

function run(kind: GestureKind, frames: Array<Partial<FaceMetrics>>, baseline = base): boolean {
  let state = initialDetector;
  for (const f of frames) {
    const r = detectGesture(kind, state, { ...face, ...f }, baseline);
    state = r.state;
    if (r.done) return true;
  }
  return false;
}

describe('gesture detectors', () => {
  it('turn left/right is judged against the baseline yaw, in the subject’s own directions', () => {
    expect(run('left', [{ yaw: 12 }, { yaw: 13 }])).toBe(true);
    expect(run('right', [{ yaw: 12 }, { yaw: 13 }])).toBe(false);
    expect(run('right', [{ yaw: -6 }, { yaw: -7 }])).toBe(true);
    // Absolute 12° is not a turn for someone whose neutral pose is already 8°.
    expect(run('left', [{ yaw: 12 }, { yaw: 12 }], { ...base, yaw: 8 })).toBe(false);
  });
  it('a single noisy frame is not a gesture', () => {
    expect(run('left', [{ yaw: 15 }, { yaw: 3 }, { yaw: 15 }, { yaw: 2 }])).toBe(false);
  });
  it('tilt down/up uses pitch (+ = down) against the webcam’s own baseline', () => {
    expect(run('down', [{ pitch: 0 }, { pitch: 1 }])).toBe(true);
    expect(run('high', [{ pitch: -20 }, { pitch: -21 }])).toBe(true);
    expect(run('high', [{ pitch: -15 }, { pitch: -16 }])).toBe(false);
  });
  it('smile needs a clear rise over the baseline', () => {
    expect(run('smile', [{ smile: 0.7 }, { smile: 0.75 }])).toBe(true);
    expect(run('smile', [{ smile: 0.5 }, { smile: 0.55 }])).toBe(false);
  });
  it('blink needs closed then open eyes, in that order', () => {
    expect(run('blink', [{ blink: 0.7 }, { blink: 0.1 }])).toBe(true);
    expect(run('blink', [{ blink: 0.7 }, { blink: 0.7 }])).toBe(false);
    expect(run('blink', [{ blink: 0.1 }, { blink: 0.2 }])).toBe(false);
    // Glasses wearers read higher at rest: the closed threshold rises with the baseline.
    expect(run('blink', [{ blink: 0.5 }, { blink: 0.2 }], { ...base, blink: 0.3 })).toBe(false);
  });
  it('no face means no progress', () => {
    expect(run('left', [{ yaw: 15 }, { faceCount: 0, box: null, yaw: 15 }, { yaw: 15 }])).toBe(false);
  });
  it('baseline is the median and spread measures head stillness', () => {
    const w = [2, 3, 40, 4].map((yaw) => ({ ...face, yaw }));
    expect(baselineOf(w).yaw).toBe(4);
    expect(poseSpread(w)).toBe(38);
  });
});
