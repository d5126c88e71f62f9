/**
 * Pixel helpers on plain typed arrays. Everything here is pure and allocation-light so that
 * it can be unit-tested without ONNX Runtime and reused for every model's pre-processing.
 */

/** An 8-bit RGB image, row-major, 3 bytes per pixel (what sharp's `raw()` gives us). */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Axis-aligned box in pixel coordinates, corner form. */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Channel order of the tensor a model expects; the weights were trained on one or the other. */
export type ChannelOrder = 'rgb' | 'bgr';

/** Per-channel affine normalisation: `(v - mean) / std`. */
export interface Normalisation {
  readonly mean: number;
  readonly std: number;
}

export const RAW_PIXELS: Normalisation = { mean: 0, std: 1 };

/**
 * Maps an output pixel (ox, oy) to a source position. Used both for plain crop+resize and for
 * affine alignment, so a single bilinear sampler serves every model. A box stretch also carries
 * `axes` (x depends on ox only, y on oy only), so the samplers work out the taps once per column
 * and row instead of once per pixel and channel: the detector's 320×240 input was a third of the
 * inference threads' CPU (docs/benchmarks.md). The arithmetic is the same either way.
 */
export type SourceMapping = ((ox: number, oy: number) => Point) & {
  readonly axes?: { readonly x: (ox: number) => number; readonly y: (oy: number) => number };
};

/** Mapping that stretches `box` onto an `outW`×`outH` grid (pixel-centre aligned, like cv2.resize). */
export function boxMapping(box: Box, outW: number, outH: number): SourceMapping {
  const sx = (box.x2 - box.x1) / outW;
  const sy = (box.y2 - box.y1) / outH;
  const x = (ox: number) => box.x1 + (ox + 0.5) * sx - 0.5;
  const y = (oy: number) => box.y1 + (oy + 0.5) * sy - 0.5;
  return Object.assign((ox: number, oy: number): Point => ({ x: x(ox), y: y(oy) }), { axes: { x, y } });
}

/**
 * Bilinear taps along one axis: the two source indices and the weight of the second, for a
 * position clamped to [0, size − 1] (positions outside the image take the border).
 */
interface Taps {
  i0: number;
  i1: number;
  f: number;
}

function tapsAt(pos: number, size: number, out: Taps): Taps {
  const max = size - 1;
  const c = Math.min(Math.max(pos, 0), max);
  const i0 = Math.floor(c);
  out.i0 = i0;
  out.i1 = Math.min(i0 + 1, max);
  out.f = c - i0;
  return out;
}

/** Taps for every output column (or row) of a separable mapping, worked out once. */
function axisTaps(n: number, pos: (o: number) => number, size: number): Taps[] {
  return Array.from({ length: n }, (_, o) => tapsAt(pos(o), size, { i0: 0, i1: 0, f: 0 }));
}

type Emit = (i: number, p00: number, p01: number, p10: number, p11: number, fx: number, fy: number) => void;

/**
 * Walks the output grid and hands each pixel's four source offsets (into `img.data`, channel 0)
 * and weights to `emit`: from per-row and per-column taps for a separable mapping, else from
 * `map` once per pixel.
 */
function forEachSample(img: RgbImage, map: SourceMapping, outW: number, outH: number, emit: Emit): void {
  const w = img.width;
  if (map.axes) {
    const cols = axisTaps(outW, map.axes.x, img.width);
    const rows = axisTaps(outH, map.axes.y, img.height);
    for (let oy = 0; oy < outH; oy++) {
      const r = rows[oy] as Taps;
      const row0 = r.i0 * w;
      const row1 = r.i1 * w;
      for (let ox = 0; ox < outW; ox++) {
        const c = cols[ox] as Taps;
        emit(
          oy * outW + ox,
          (row0 + c.i0) * 3,
          (row0 + c.i1) * 3,
          (row1 + c.i0) * 3,
          (row1 + c.i1) * 3,
          c.f,
          r.f,
        );
      }
    }
    return;
  }
  const tx: Taps = { i0: 0, i1: 0, f: 0 };
  const ty: Taps = { i0: 0, i1: 0, f: 0 };
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      const p = map(ox, oy);
      tapsAt(p.x, img.width, tx);
      tapsAt(p.y, img.height, ty);
      const row0 = ty.i0 * w;
      const row1 = ty.i1 * w;
      emit(
        oy * outW + ox,
        (row0 + tx.i0) * 3,
        (row0 + tx.i1) * 3,
        (row1 + tx.i0) * 3,
        (row1 + tx.i1) * 3,
        tx.f,
        ty.f,
      );
    }
  }
}

/** Bilinear value of one channel from its four taps: along x first, then y. */
function blend(
  d: Uint8Array,
  p00: number,
  p01: number,
  p10: number,
  p11: number,
  fx: number,
  fy: number,
): number {
  const a = d[p00] ?? 0;
  const b = d[p01] ?? 0;
  const c = d[p10] ?? 0;
  const e = d[p11] ?? 0;
  const top = a + (b - a) * fx;
  const bottom = c + (e - c) * fx;
  return top + (bottom - top) * fy;
}

/**
 * Builds an NCHW float32 tensor (batch 1) of `outW`×`outH` colour pixels sampled through `map`.
 */
export function toColourTensor(
  img: RgbImage,
  map: SourceMapping,
  outW: number,
  outH: number,
  order: ChannelOrder,
  norm: Normalisation,
): Float32Array {
  const plane = outW * outH;
  const out = new Float32Array(plane * 3);
  // RGB source channel that lands in tensor channel 0/1/2.
  const [s0, s1, s2] = order === 'rgb' ? [0, 1, 2] : [2, 1, 0];
  const d = img.data;
  const { mean, std } = norm;
  forEachSample(img, map, outW, outH, (i, p00, p01, p10, p11, fx, fy) => {
    out[i] = (blend(d, p00 + s0, p01 + s0, p10 + s0, p11 + s0, fx, fy) - mean) / std;
    out[plane + i] = (blend(d, p00 + s1, p01 + s1, p10 + s1, p11 + s1, fx, fy) - mean) / std;
    out[2 * plane + i] = (blend(d, p00 + s2, p01 + s2, p10 + s2, p11 + s2, fx, fy) - mean) / std;
  });
  return out;
}

/** Single-channel (luma, BT.601 weights as in OpenCV) NCHW tensor. */
export function toGrayTensor(
  img: RgbImage,
  map: SourceMapping,
  outW: number,
  outH: number,
  norm: Normalisation,
): Float32Array {
  const out = new Float32Array(outW * outH);
  const d = img.data;
  forEachSample(img, map, outW, outH, (i, p00, p01, p10, p11, fx, fy) => {
    const luma =
      0.299 * blend(d, p00, p01, p10, p11, fx, fy) +
      0.587 * blend(d, p00 + 1, p01 + 1, p10 + 1, p11 + 1, fx, fy) +
      0.114 * blend(d, p00 + 2, p01 + 2, p10 + 2, p11 + 2, fx, fy);
    out[i] = (luma - norm.mean) / norm.std;
  });
  return out;
}

export function boxWidth(b: Box): number {
  return b.x2 - b.x1;
}

export function boxHeight(b: Box): number {
  return b.y2 - b.y1;
}

export function boxArea(b: Box): number {
  return Math.max(0, boxWidth(b)) * Math.max(0, boxHeight(b));
}
