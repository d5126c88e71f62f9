import { describe, expect, it } from 'vitest';
import {
  applySimilarity,
  cosineSimilarity,
  estimateSimilarity,
  fivePointsFrom68,
  inverseMapping,
} from './align.js';
import { antispoofCropBox, squareBox } from './crop.js';
import { decodeDetections } from './detector.js';
import {
  boxMapping,
  type Point,
  type RgbImage,
  type SourceMapping,
  toColourTensor,
  toGrayTensor,
} from './image.js';
import { iou, nonMaxSuppression } from './nms.js';

describe('similarity alignment', () => {
  it('recovers a known rotation + scale + shift exactly', () => {
    const src = [
      { x: 10, y: 20 },
      { x: 50, y: 22 },
      { x: 30, y: 40 },
      { x: 15, y: 60 },
      { x: 45, y: 61 },
    ];
    const angle = 0.3;
    const s = 1.7;
    const truth = { a: s * Math.cos(angle), b: s * Math.sin(angle), tx: 5, ty: -3 };
    const dst = src.map((p) => applySimilarity(truth, p));
    const t = estimateSimilarity(src, dst);
    expect(t.a).toBeCloseTo(truth.a, 9);
    expect(t.b).toBeCloseTo(truth.b, 9);
    expect(t.tx).toBeCloseTo(5, 9);
    const back = inverseMapping(t)(dst[2]?.x ?? 0, dst[2]?.y ?? 0);
    expect(back.x).toBeCloseTo(30, 9);
    expect(back.y).toBeCloseTo(40, 9);
  });

  it('reduces 68 points to eyes, nose tip and mouth corners', () => {
    const pts = Array.from({ length: 68 }, (_, i) => ({ x: i, y: 2 * i }));
    const five = fivePointsFrom68(pts);
    expect(five[0]).toEqual({ x: (37 + 38 + 40 + 41) / 4, y: (37 + 38 + 40 + 41) / 2 });
    expect(five[2]).toEqual({ x: 30, y: 60 });
    expect(five[4]).toEqual({ x: 59, y: 118 });
  });

  it('computes cosine similarity', () => {
    expect(cosineSimilarity(new Float32Array([1, 0]), new Float32Array([0, 1]))).toBe(0);
    expect(cosineSimilarity(new Float32Array([1, 1]), new Float32Array([2, 2]))).toBeCloseTo(1, 6);
  });
});

describe('crops', () => {
  it("follows Minivision's enlarge-cap-and-shift recipe", () => {
    // 100×100 face in a 640×480 frame at 2.7× → 270×270, centred, inside the frame.
    expect(antispoofCropBox({ x1: 270, y1: 190, x2: 370, y2: 290 }, 640, 480, 2.7)).toEqual({
      x1: 185,
      y1: 105,
      x2: 456,
      y2: 376,
    });
    // Near the left edge the window slides right instead of shrinking.
    const edge = antispoofCropBox({ x1: 0, y1: 190, x2: 100, y2: 290 }, 640, 480, 2.7);
    expect(edge.x1).toBe(0);
    expect(edge.x2 - edge.x1).toBe(271);
    // 5× would not fit 480 rows: the scale is capped at (H−1)/h = 4.79.
    const capped = antispoofCropBox({ x1: 270, y1: 190, x2: 370, y2: 290 }, 640, 480, 5);
    expect(capped.y1).toBe(0);
    expect(capped.y2).toBe(480);
  });

  it('squares a box on its height', () => {
    expect(squareBox({ x1: 10, y1: 10, x2: 30, y2: 50 }, 100, 100)).toEqual({
      x1: 0,
      y1: 10,
      x2: 40,
      y2: 50,
    });
  });
});

describe('detector post-processing and NMS', () => {
  it('thresholds, scales to the frame and suppresses overlaps', () => {
    const scores = new Float32Array([0.1, 0.9, 0.2, 0.8, 0.5, 0.5]);
    const boxes = new Float32Array([0.1, 0.1, 0.5, 0.5, 0.12, 0.12, 0.52, 0.52, 0.6, 0.6, 0.9, 0.9]);
    const faces = decodeDetections(scores, boxes, 200, 100, { scoreThreshold: 0.65, nmsIou: 0.4 });
    expect(faces).toHaveLength(1);
    expect(faces[0]?.box.x1).toBeCloseTo(20, 5);
    expect(faces[0]?.box.y2).toBeCloseTo(50, 5);
  });

  it('keeps disjoint boxes', () => {
    const a = { x1: 0, y1: 0, x2: 10, y2: 10 };
    const b = { x1: 20, y1: 20, x2: 30, y2: 30 };
    expect(iou(a, b)).toBe(0);
    expect(
      nonMaxSuppression(
        [
          { box: a, score: 0.9 },
          { box: b, score: 0.8 },
        ],
        0.4,
      ),
    ).toHaveLength(2);
  });
});

describe('tensor building', () => {
  it('writes planar channels in the requested order and normalisation', () => {
    // 1×1 image with R=10, G=20, B=30.
    const img = { width: 1, height: 1, data: new Uint8Array([10, 20, 30]) };
    const map = boxMapping({ x1: 0, y1: 0, x2: 1, y2: 1 }, 1, 1);
    expect([...toColourTensor(img, map, 1, 1, 'bgr', { mean: 0, std: 1 })]).toEqual([30, 20, 10]);
    expect([...toColourTensor(img, map, 1, 1, 'rgb', { mean: 10, std: 2 })]).toEqual([0, 5, 10]);
  });
});

/** The per-pixel, per-channel bilinear sampler the fast paths replaced: their output must equal it exactly. */
function referenceSample(img: RgbImage, x: number, y: number, channel: number): number {
  const cx = Math.min(Math.max(x, 0), img.width - 1);
  const cy = Math.min(Math.max(y, 0), img.height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, img.width - 1);
  const y1 = Math.min(y0 + 1, img.height - 1);
  const at = (px: number, py: number) => img.data[(py * img.width + px) * 3 + channel] ?? 0;
  const top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * (cx - x0);
  const bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * (cx - x0);
  return top + (bottom - top) * (cy - y0);
}

function referenceColour(
  img: RgbImage,
  map: (ox: number, oy: number) => Point,
  n: number,
  bgr: boolean,
): Float32Array {
  const out = new Float32Array(n * n * 3);
  for (let oy = 0; oy < n; oy++)
    for (let ox = 0; ox < n; ox++) {
      const p = map(ox, oy);
      for (let c = 0; c < 3; c++)
        out[c * n * n + oy * n + ox] = (referenceSample(img, p.x, p.y, bgr ? 2 - c : c) - 127) / 128;
    }
  return out;
}

function referenceGray(img: RgbImage, map: (ox: number, oy: number) => Point, n: number): Float32Array {
  const out = new Float32Array(n * n);
  for (let oy = 0; oy < n; oy++)
    for (let ox = 0; ox < n; ox++) {
      const p = map(ox, oy);
      const luma =
        0.299 * referenceSample(img, p.x, p.y, 0) +
        0.587 * referenceSample(img, p.x, p.y, 1) +
        0.114 * referenceSample(img, p.x, p.y, 2);
      out[oy * n + ox] = luma / 256;
    }
  return out;
}

describe('tensor sampling equals the per-pixel reference exactly', () => {
  const w = 97;
  const h = 61;
  const data = new Uint8Array(w * h * 3);
  let seed = 7;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    data[i] = seed >>> 24;
  }
  const img: RgbImage = { width: w, height: h, data };
  // Inside, across the border, upscaled and downscaled.
  const boxes = [
    { x1: 0, y1: 0, x2: w, y2: h },
    { x1: -20, y1: -15.5, x2: 40.25, y2: 70 },
    { x1: 60, y1: 30, x2: 130, y2: 90 },
    { x1: 10.3, y1: 5.7, x2: 18.9, y2: 12.1 },
  ];
  it('box stretches (separable taps), colour in both orders and grey', () => {
    for (const box of boxes) {
      const map = boxMapping(box, 23, 23);
      expect(map.axes).toBeDefined();
      expect(toColourTensor(img, map, 23, 23, 'rgb', { mean: 127, std: 128 })).toEqual(
        referenceColour(img, map, 23, false),
      );
      expect(toColourTensor(img, map, 23, 23, 'bgr', { mean: 127, std: 128 })).toEqual(
        referenceColour(img, map, 23, true),
      );
      expect(toGrayTensor(img, map, 23, 23, { mean: 0, std: 256 })).toEqual(referenceGray(img, map, 23));
    }
  });
  it('a rotation (per-pixel mapping, no axes)', () => {
    const map: SourceMapping = inverseMapping({
      a: Math.cos(0.3) * 0.8,
      b: Math.sin(0.3) * 0.8,
      tx: -5,
      ty: 9,
    });
    expect(map.axes).toBeUndefined();
    expect(toColourTensor(img, map, 19, 19, 'bgr', { mean: 127, std: 128 })).toEqual(
      referenceColour(img, map, 19, true),
    );
    expect(toGrayTensor(img, map, 19, 19, { mean: 0, std: 256 })).toEqual(referenceGray(img, map, 19));
  });
});
