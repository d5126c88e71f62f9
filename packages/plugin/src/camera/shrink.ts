/**
 * Scales RGBA pixels down by averaging each output pixel's box of source pixels. The frame worker uses it
 * for HD frames: VideoFrame.copyTo cannot resize, and createImageBitmap with a resize costs 8.1 ms per
 * 1280×720 frame here and leaves a discardable copy behind each time (docs/benchmarks.md, "HD frames").
 * Boxes span whole source pixels, [floor(i·ratio), floor((i+1)·ratio)), so a 2:1 shrink averages 2×2
 * blocks exactly and other ratios mix boxes of two neighbouring sizes. The output is opaque.
 */
export interface RgbaPixels {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** Box edges along one axis: edges[i]..edges[i+1] are the source indices output pixel i averages. */
function boxEdges(from: number, to: number): Int32Array {
  const edges = new Int32Array(to + 1);
  for (let i = 0; i <= to; i++) edges[i] = Math.floor((i * from) / to);
  return edges;
}

/** Edges are the same for every frame of a capture: kept for the last two sizes seen (width and height). */
const cache = new Map<string, Int32Array>();
function edgesFor(from: number, to: number): Int32Array {
  const key = `${from}>${to}`;
  let edges = cache.get(key);
  if (!edges) {
    if (cache.size >= 2) cache.clear();
    edges = boxEdges(from, to);
    cache.set(key, edges);
  }
  return edges;
}

const words = (p: RgbaPixels) => new Uint32Array(p.data.buffer, p.data.byteOffset, p.width * p.height);

/**
 * The common HD case (1280×720 → 640×360, 1280×960 → 640×480) at about a third of the general loop's cost:
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
  const { data, width: sw } = src;
  const dst = out.data;
  if (out.width > sw || out.height > src.height) throw new RangeError('shrinkRgba only scales down');
  if (sw === 2 * out.width && src.height === 2 * out.height) {
    halve(src, out);
    return;
  }
  const cols = edgesFor(sw, out.width);
  const rows = edgesFor(src.height, out.height);
  let o = 0;
  for (let y = 0; y < out.height; y++) {
    const y0 = rows[y] as number;
    const y1 = rows[y + 1] as number;
    for (let x = 0; x < out.width; x++) {
      const x0 = cols[x] as number;
      const x1 = cols[x + 1] as number;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        let i = (sy * sw + x0) * 4;
        for (let sx = x0; sx < x1; sx++, i += 4) {
          r += data[i] as number;
          g += data[i + 1] as number;
          b += data[i + 2] as number;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      // Rounded to nearest: +n/2 before the integer division.
      dst[o] = ((r + (n >> 1)) / n) | 0;
      dst[o + 1] = ((g + (n >> 1)) / n) | 0;
      dst[o + 2] = ((b + (n >> 1)) / n) | 0;
      dst[o + 3] = 255;
      o += 4;
    }
  }
}
