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
 * affine alignment, so a single bilinear sampler serves every model.
 */
export type SourceMapping = (ox: number, oy: number) => Point;

/** Bilinear sample of one channel; positions outside the image are clamped to the border. */
function sample(img: RgbImage, x: number, y: number, channel: number): number {
  const maxX = img.width - 1;
  const maxY = img.height - 1;
  const cx = Math.min(Math.max(x, 0), maxX);
  const cy = Math.min(Math.max(y, 0), maxY);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, maxX);
  const y1 = Math.min(y0 + 1, maxY);
  const fx = cx - x0;
  const fy = cy - y0;
  const d = img.data;
  const row0 = y0 * img.width;
  const row1 = y1 * img.width;
  const a = d[(row0 + x0) * 3 + channel] ?? 0;
  const b = d[(row0 + x1) * 3 + channel] ?? 0;
  const c = d[(row1 + x0) * 3 + channel] ?? 0;
  const e = d[(row1 + x1) * 3 + channel] ?? 0;
  const top = a + (b - a) * fx;
  const bottom = c + (e - c) * fx;
  return top + (bottom - top) * fy;
}

/** Mapping that stretches `box` onto an `outW`×`outH` grid (pixel-centre aligned, like cv2.resize). */
export function boxMapping(box: Box, outW: number, outH: number): SourceMapping {
  const sx = (box.x2 - box.x1) / outW;
  const sy = (box.y2 - box.y1) / outH;
  return (ox, oy) => ({ x: box.x1 + (ox + 0.5) * sx - 0.5, y: box.y1 + (oy + 0.5) * sy - 0.5 });
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
  const src = order === 'rgb' ? [0, 1, 2] : [2, 1, 0];
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      const p = map(ox, oy);
      const i = oy * outW + ox;
      for (let c = 0; c < 3; c++) {
        out[c * plane + i] = (sample(img, p.x, p.y, src[c] ?? c) - norm.mean) / norm.std;
      }
    }
  }
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
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      const p = map(ox, oy);
      const luma =
        0.299 * sample(img, p.x, p.y, 0) +
        0.587 * sample(img, p.x, p.y, 1) +
        0.114 * sample(img, p.x, p.y, 2);
      out[oy * outW + ox] = (luma - norm.mean) / norm.std;
    }
  }
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
