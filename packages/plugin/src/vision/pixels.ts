import type { Box } from './types.js';

/** Cheap image statistics on a small greyscale crop of the face (RGBA input). */
export interface PixelStats {
  brightness: number;
  sharpness: number;
}

let scratch = new Float32Array(0);

export function pixelStats(rgba: Uint8ClampedArray, width: number, height: number): PixelStats {
  const n = width * height;
  if (n === 0) return { brightness: 0, sharpness: 0 };
  // One scratch buffer for every frame: this runs once per analysed frame.
  if (scratch.length < n) scratch = new Float32Array(n);
  const grey = scratch;
  let sum = 0;
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    // Rec. 601 luma; the alpha channel is ignored.
    const y = 0.299 * (rgba[p] ?? 0) + 0.587 * (rgba[p + 1] ?? 0) + 0.114 * (rgba[p + 2] ?? 0);
    grey[i] = y;
    sum += y;
  }
  // Variance of the 4-neighbour Laplacian: a standard focus measure.
  let lapSum = 0;
  let lapSq = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap =
        (grey[i - 1] ?? 0) +
        (grey[i + 1] ?? 0) +
        (grey[i - width] ?? 0) +
        (grey[i + width] ?? 0) -
        4 * (grey[i] ?? 0);
      lapSum += lap;
      lapSq += lap * lap;
      count++;
    }
  }
  const mean = count > 0 ? lapSum / count : 0;
  const sharpness = count > 0 ? lapSq / count - mean * mean : 0;
  return { brightness: sum / n, sharpness };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Scales the box of an RGBA image into `out` (outWidth×outHeight RGBA) by averaging the source pixels under
 * each output pixel, rounded half up; the output is opaque. It takes the face crop pixelStats measures from
 * raw frame bytes without a canvas, and shrinks whole HD frames in the frame worker (camera/shrink.ts).
 * Boxes span whole source pixels, [floor(i·ratio), floor((i+1)·ratio)), at least one wide. Parts of the box
 * outside the image repeat its edge pixels.
 */
export function cropInto(
  src: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  box: Box,
  out: Uint8Array | Uint8ClampedArray,
  outWidth: number,
  outHeight: number,
): void {
  const boxWidth = Math.max(1, box.right - box.left);
  const boxHeight = Math.max(1, box.bottom - box.top);
  for (let oy = 0; oy < outHeight; oy++) {
    // (i × size) / out rather than i × (size / out): exact edges for whole-pixel boxes.
    const y0 = Math.floor(box.top + (oy * boxHeight) / outHeight);
    const y1 = Math.max(y0 + 1, Math.floor(box.top + ((oy + 1) * boxHeight) / outHeight));
    for (let ox = 0; ox < outWidth; ox++) {
      const x0 = Math.floor(box.left + (ox * boxWidth) / outWidth);
      const x1 = Math.max(x0 + 1, Math.floor(box.left + ((ox + 1) * boxWidth) / outWidth));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = y0; y < y1; y++) {
        const row = clamp(y, 0, height - 1) * width;
        for (let x = x0; x < x1; x++) {
          const p = (row + clamp(x, 0, width - 1)) * 4;
          r += src[p] as number;
          g += src[p + 1] as number;
          b += src[p + 2] as number;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const half = n >> 1;
      const o = (oy * outWidth + ox) * 4;
      out[o] = ((r + half) / n) | 0;
      out[o + 1] = ((g + half) / n) | 0;
      out[o + 2] = ((b + half) / n) | 0;
      out[o + 3] = 255;
    }
  }
}
