import { cropInto } from '../vision/pixels.js';

/**
 * Scales RGBA pixels down by averaging each output pixel's box of source pixels. The frame worker uses it
 * for HD frames: VideoFrame.copyTo cannot resize, and createImageBitmap with a resize costs 8.1 ms per
 * 1280×720 frame here and leaves a discardable copy behind each time (docs/benchmarks.md, "HD frames").
 * A 2:1 shrink averages 2×2 blocks with a packed fast path; other ratios go through vision/pixels.ts
 * cropInto over the whole frame (boxes of whole source pixels). The output is opaque.
 */
export interface RgbaPixels {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

const words = (p: RgbaPixels) => new Uint32Array(p.data.buffer, p.data.byteOffset, p.width * p.height);

/**
 * The common HD case (1280×720 → 640×360, 1280×960 → 640×480) at about a fifth of the general loop's cost:
 * each pixel is read as one 32-bit word, and red with blue, and green with alpha, are summed two lanes at a
 * time (four 8-bit values fit a 16-bit lane). Assumes a little-endian engine, as every browser is.
 */
function halve(src: RgbaPixels, out: RgbaPixels): void {
  const s = words(src);
  const d = words(out);
  const sw = src.width;
  let o = 0;
  for (let y = 0; y < out.height; y++) {
    let i = 2 * y * sw;
    for (let x = 0; x < out.width; x++, i += 2) {
      const a = s[i] as number;
      const b = s[i + 1] as number;
      const c = s[i + sw] as number;
      const e = s[i + sw + 1] as number;
      const rb = (a & 0xff00ff) + (b & 0xff00ff) + (c & 0xff00ff) + (e & 0xff00ff) + 0x20002;
      const g = ((a >>> 8) & 0xff) + ((b >>> 8) & 0xff) + ((c >>> 8) & 0xff) + ((e >>> 8) & 0xff) + 2;
      d[o++] = ((rb >>> 2) & 0xff00ff) | ((g >>> 2) << 8) | 0xff000000;
    }
  }
}

/** Writes `src` shrunk to `out`'s size into `out`; `out` must not be larger than `src` on either side. */
export function shrinkRgba(src: RgbaPixels, out: RgbaPixels): void {
  if (out.width > src.width || out.height > src.height) throw new RangeError('shrinkRgba only scales down');
  if (src.width === 2 * out.width && src.height === 2 * out.height) {
    halve(src, out);
    return;
  }
  // Other ratios: the same box average the vision worker takes its face crop with, over the whole frame.
  const whole = { left: 0, top: 0, right: src.width, bottom: src.height };
  cropInto(src.data, src.width, src.height, whole, out.data, out.width, out.height);
}
