import { describe, expect, it } from 'vitest';
import { computeMetrics, type LandmarkerOutput } from './metrics.js';

function face(cx: number, cy: number, size: number) {
  // 478 points on a square around (cx, cy): enough for box and landmark lookups.
  return Array.from({ length: 478 }, (_, i) => ({
    x: cx + (((i * 37) % 100) / 100 - 0.5) * size,
    y: cy + (((i * 61) % 100) / 100 - 0.5) * size,
  }));
}

const identity = { data: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] };

describe('computeMetrics', () => {
  it('reports no face when the model found none', () => {
    const out: LandmarkerOutput = {
      faceLandmarks: [],
      faceBlendshapes: [],
      facialTransformationMatrixes: [],
    };
    const m = computeMetrics(out, { width: 640, height: 480, timestamp: 5 }, null);
    expect(m).toMatchObject({ faceCount: 0, box: null, landmarks: null, timestamp: 5 });
  });

  it('picks the largest face and reads blendshapes of that face', () => {
    const out: LandmarkerOutput = {
      faceLandmarks: [face(0.2, 0.2, 0.1), face(0.5, 0.5, 0.3)],
      faceBlendshapes: [
        { categories: [{ categoryName: 'mouthSmileLeft', score: 0.1 }] },
        {
          categories: [
            { categoryName: 'mouthSmileLeft', score: 0.8 },
            { categoryName: 'mouthSmileRight', score: 0.6 },
            { categoryName: 'eyeBlinkLeft', score: 0.2 },
            { categoryName: 'eyeBlinkRight', score: 0.4 },
          ],
        },
      ],
      facialTransformationMatrixes: [identity, identity],
    };
    const m = computeMetrics(
      out,
      { width: 640, height: 480, timestamp: 0 },
      { brightness: 90, sharpness: 70 },
    );
    expect(m.faceCount).toBe(2);
    expect(m.smile).toBeCloseTo(0.7);
    expect(m.blink).toBeCloseTo(0.3);
    expect(m.box?.left).toBeGreaterThan(0.3 * 640);
    expect(m.brightness).toBe(90);
    const [x, y] = m.landmarks?.nose_base ?? [0, 0];
    expect(x).toBeGreaterThanOrEqual(m.box?.left ?? 0);
    expect(y).toBeLessThanOrEqual(m.box?.bottom ?? 0);
  });
});
