import { describe, expect, it } from 'vitest';
import { pixelStats } from './pixels.js';

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
