import { describe, expect, it } from 'vitest';
import { cropInto, pixelStats } from './pixels.js';

function image(w: number, h: number, value: (x: number, y: number) => number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = value(x, y);
      data.set([v, v, v, 255], (y * w + x) * 4);
    }
  return data;
}

describe('pixelStats', () => {
  it('measures brightness as mean luma', () => {
    expect(
      pixelStats(
        image(8, 8, () => 200),
        8,
        8,
      ).brightness,
    ).toBeCloseTo(200, 3);
  });
  it('scores a checkerboard sharper than a smooth ramp', () => {
    const sharp = pixelStats(
      image(32, 32, (x, y) => ((x + y) % 2 ? 255 : 0)),
      32,
      32,
    ).sharpness;
    const smooth = pixelStats(
      image(32, 32, (x) => x * 8),
      32,
      32,
    ).sharpness;
    expect(sharp).toBeGreaterThan(1000);
    expect(smooth).toBeLessThan(1);
  });
});

describe('cropInto', () => {
  it('averages the pixels under each output pixel', () => {
    // 4×4 image, left half 0, right half 200: a 2×2 crop of the whole image keeps the two halves apart.
    const src = image(4, 4, (x) => (x < 2 ? 0 : 200));
    const out = new Uint8ClampedArray(2 * 2 * 4);
    cropInto(src, 4, 4, { left: 0, top: 0, right: 4, bottom: 4 }, out, 2, 2);
    expect([out[0], out[4], out[8], out[12]]).toEqual([0, 200, 0, 200]);
    // Shifted by one pixel, each output pixel straddles the edge: half dark, half bright.
    cropInto(src, 4, 4, { left: 1, top: 0, right: 3, bottom: 4 }, out, 1, 1);
    expect(out[0]).toBe(100);
  });

  it('repeats edge pixels for a box partly outside the image', () => {
    const src = image(4, 4, (x) => x * 50);
    const out = new Uint8ClampedArray(4 * 4);
    cropInto(src, 4, 4, { left: -4, top: -4, right: 0, bottom: 0 }, out, 2, 2);
    expect([out[0], out[4], out[8], out[12], out[3]]).toEqual([0, 0, 0, 0, 255]);
  });

  it('keeps a sharp face sharper than a blurred one, as the canvas crop did', () => {
    const checker = image(200, 200, (x, y) => ((Math.floor(x / 2) + Math.floor(y / 2)) % 2 ? 255 : 0));
    const ramp = image(200, 200, (x) => x);
    const out = new Uint8ClampedArray(96 * 96 * 4);
    const box = { left: 0, top: 0, right: 200, bottom: 200 };
    cropInto(checker, 200, 200, box, out, 96, 96);
    const sharp = pixelStats(out, 96, 96).sharpness;
    cropInto(ramp, 200, 200, box, out, 96, 96);
    const smooth = pixelStats(out, 96, 96).sharpness;
    expect(sharp).toBeGreaterThan(100 * Math.max(1, smooth));
  });
});
