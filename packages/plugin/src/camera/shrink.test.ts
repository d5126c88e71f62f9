import { describe, expect, it } from 'vitest';
import { type RgbaPixels, shrinkRgba } from './shrink.js';

/** An image whose pixel (x, y) is `at(x, y)` as [r, g, b, a]. */
function image(width: number, height: number, at: (x: number, y: number) => number[]): RgbaPixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(at(x, y), (y * width + x) * 4);
  return { data, width, height };
}
const blank = (width: number, height: number) => image(width, height, () => [0, 0, 0, 0]);
const pixel = (p: RgbaPixels, x: number, y: number) => [
  ...p.data.subarray((y * p.width + x) * 4, (y * p.width + x + 1) * 4),
];

/** The box average written out plainly, rounding half up: what both code paths must give. */
function reference(src: RgbaPixels, width: number, height: number): RgbaPixels {
  return image(width, height, (x, y) => {
    const [x0, x1] = [Math.floor((x * src.width) / width), Math.floor(((x + 1) * src.width) / width)];
    const [y0, y1] = [Math.floor((y * src.height) / height), Math.floor(((y + 1) * src.height) / height)];
    const sum = [0, 0, 0];
    for (let sy = y0; sy < y1; sy++)
      for (let sx = x0; sx < x1; sx++) {
        const px = pixel(src, sx, sy);
        for (let c = 0; c < 3; c++) sum[c] = (sum[c] as number) + (px[c] as number);
      }
    const n = (x1 - x0) * (y1 - y0);
    return [...sum.map((v) => Math.floor((v + (n >> 1)) / n)), 255];
  });
}

/** Deterministic noise, so the packed 2:1 path sees every byte value mix. */
function noise(width: number, height: number): RgbaPixels {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 24;
  };
  return image(width, height, () => [next(), next(), next(), next()]);
}

describe('shrinkRgba', () => {
  it('averages each 2×2 block at half size, rounding to nearest, opaque', () => {
    const src = image(4, 2, (x) => (x < 2 ? [10, 20, 30, 7] : [255, 254, 1, 0]));
    src.data.set([11, 21, 31, 7], 4);
    src.data.set([12, 23, 33, 7], 16 + 4);
    // Left block: red (10+11+10+12)/4 = 10.75 → 11, green 84/4 = 21, blue 124/4 = 31.
    const out = blank(2, 1);
    shrinkRgba(src, out);
    expect(pixel(out, 0, 0)).toEqual([11, 21, 31, 255]);
    expect(pixel(out, 1, 0)).toEqual([255, 254, 1, 255]);
  });

  it('the packed 2:1 path equals the plain box average on noise (no carry between channels)', () => {
    const src = noise(64, 48);
    const out = blank(32, 24);
    shrinkRgba(src, out);
    expect([...out.data]).toEqual([...reference(src, 32, 24).data]);
    const white = image(8, 8, () => [255, 255, 255, 255]);
    const w = blank(4, 4);
    shrinkRgba(white, w);
    expect(new Set(w.data)).toEqual(new Set([255]));
  });

  it('other ratios average boxes of whole source pixels (3:1, and 5 → 3 with boxes of 1 and 2)', () => {
    for (const [sw, sh, w, h] of [
      [96, 54, 32, 18],
      [5, 5, 3, 3],
      [40, 30, 32, 24],
    ] as const) {
      const src = noise(sw, sh);
      const out = blank(w, h);
      shrinkRgba(src, out);
      expect([...out.data]).toEqual([...reference(src, w, h).data]);
    }
    const src = image(5, 1, (x) => [x * 10, 0, 0, 255]);
    const out = blank(3, 1);
    shrinkRgba(src, out);
    // Boxes [0,1), [1,3), [3,5): 0, (10+20)/2 = 15, (30+40)/2 = 35.
    expect([0, 1, 2].map((x) => pixel(out, x, 0)[0])).toEqual([0, 15, 35]);
  });

  it('refuses to scale up', () => {
    expect(() => shrinkRgba(blank(2, 2), blank(3, 2))).toThrow(RangeError);
  });
});
