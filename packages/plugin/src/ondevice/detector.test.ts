import { describe, expect, it } from 'vitest';
// The server's detector steps, to hold the plugin's copy to them.
import {
  DEFAULT_DETECTOR_OPTIONS,
  decodeDetections as serverDecode,
} from '../../../analysis/src/models/detector.js';
import { boxMapping, toColourTensor } from '../../../analysis/src/models/image.js';
import { DETECTOR_H, DETECTOR_W, decodeDetections, detectorInput, faceBoxFor } from './detector.js';
import { detectorBoxOf } from './preprocess.js';

/** A deterministic RGB test card and its RGBA twin. */
function card(w: number, h: number) {
  const rgb = new Uint8Array(w * h * 3);
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const px = [(x * 5 + y * 11) % 256, (x * y + 7) % 256, (3000 - x + y * 3) % 256];
      for (let c = 0; c < 3; c++) {
        rgb[i * 3 + c] = px[c] ?? 0;
        rgba[i * 4 + c] = px[c] ?? 0;
      }
      rgba[i * 4 + 3] = 255;
    }
  return { rgb: { width: w, height: h, data: rgb }, rgba: { width: w, height: h, data: rgba } };
}

/** Pseudo-random detector outputs: n priors, some above the threshold, overlapping boxes among them. */
function outputs(n: number, seed: number) {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const scores = new Float32Array(n * 2);
  const boxes = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const p = rand();
    scores[i * 2] = 1 - p;
    scores[i * 2 + 1] = p;
    const cx = 0.3 + 0.4 * rand();
    const cy = 0.3 + 0.4 * rand();
    const half = 0.05 + 0.2 * rand();
    boxes.set([cx - half, cy - half * 1.2, cx + half, cy + half * 1.2], i * 4);
  }
  return { scores, boxes };
}

describe("on-device face detector = the server's", () => {
  it('same 320×240 RGB (v − 127) / 128 tensor of the whole frame', () => {
    for (const [w, h] of [
      [640, 480],
      [480, 640],
      [1280, 720],
    ] as const) {
      const { rgb, rgba } = card(w, h);
      const mine = detectorInput(rgba);
      const theirs = toColourTensor(
        rgb,
        boxMapping({ x1: 0, y1: 0, x2: w, y2: h }, DETECTOR_W, DETECTOR_H),
        DETECTOR_W,
        DETECTOR_H,
        'rgb',
        { mean: 127, std: 128 },
      );
      expect(mine.length).toBe(theirs.length);
      let max = 0;
      for (let i = 0; i < mine.length; i++) max = Math.max(max, Math.abs((mine[i] ?? 0) - (theirs[i] ?? 0)));
      expect(max).toBeLessThan(1e-6);
    }
  });

  it('same boxes after threshold and NMS', () => {
    for (const seed of [1, 2, 3, 4]) {
      const { scores, boxes } = outputs(400, seed);
      const mine = decodeDetections(scores, boxes, 640, 480);
      const theirs = serverDecode(scores, boxes, 640, 480, DEFAULT_DETECTOR_OPTIONS);
      expect(mine.length).toBeGreaterThan(1);
      expect(mine).toEqual(theirs.map((d) => ({ box: { ...d.box }, score: d.score })));
    }
  });
});

describe('the face box MiniFASNet gets', () => {
  const mesh = { left: 250, top: 180, right: 390, bottom: 340 };
  const face = { box: { x1: 252, y1: 150, x2: 388, y2: 338 }, score: 0.99 };
  it("is the detector's box of the FaceLandmarker's face, the largest when it is found twice", () => {
    const smaller = { box: { x1: 262, y1: 165, x2: 380, y2: 330 }, score: 0.999 };
    expect(faceBoxFor([smaller, face], mesh)).toEqual({ box: face.box, source: 'detector' });
  });
  it('ignores a detection elsewhere in the frame, even a larger one', () => {
    const other = { box: { x1: 0, y1: 0, x2: 240, y2: 300 }, score: 0.9 };
    expect(faceBoxFor([other, face], mesh)).toEqual({ box: face.box, source: 'detector' });
  });
  it('falls back to the mesh box mapped onto the detector shape when the detector misses the face', () => {
    const other = { box: { x1: 0, y1: 0, x2: 100, y2: 120 }, score: 0.9 };
    expect(faceBoxFor([other], mesh)).toEqual({ box: detectorBoxOf(mesh), source: 'mesh' });
    expect(faceBoxFor([], mesh).source).toBe('mesh');
  });
});
