import type { Box } from '../vision/types.js';

/**
 * The server's MiniFASNet preprocessing (packages/analysis/src/models/antispoof.ts, crop.ts, image.ts), redone
 * on the RGBA pixels a canvas gives: a context crop around the face (2.7× for V2, 4.0× for V1SE), resized to
 * 80×80 by bilinear sampling with pixel-centre alignment, BGR, raw 0..255 (no mean, no /255), NCHW.
 * agreement.test.ts runs this file and the server's code on the same frames.
 */

export const INPUT_SIZE = 80;

export interface AntispoofModel {
  readonly file: string;
  readonly scale: number;
}

/** The two released Minivision weights and the context scale each was trained on. */
export const ANTISPOOF_MODELS: readonly [AntispoofModel, AntispoofModel] = [
  { file: 'MiniFASNetV2.onnx', scale: 2.7 },
  { file: 'MiniFASNetV1SE.onnx', scale: 4.0 },
];

/** Corner-form pixel box, as the server's crop code uses. */
export interface PixelBox {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** RGBA pixels, row-major, 4 bytes per pixel (what `getImageData` gives). */
export interface RgbaFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray | Uint8Array;
}

/**
 * The FaceLandmarker box (the mesh's extent) mapped onto the detector-style box the MiniFASNet crop recipe
 * expects. The mesh box is a little wider and much shorter than fr_detect's (it stops at the brows); the factors
 * are the medians over the 39 fixture faces (antispoof + faces, fitted into 640x480) of fr_detect box / mesh box:
 * width 0.965 (sd 0.043), height 1.154 (sd 0.053), centre 0.082 of the mesh height higher (sd 0.021); the centre
 * shift in x was 0.002 (left at 0). docs/on-device.md has the measurement.
 */
export const MESH_TO_DETECTOR = { width: 0.965, height: 1.154, shiftY: -0.082 } as const;

export function detectorBoxOf(mesh: Box): PixelBox {
  const w = mesh.right - mesh.left;
  const h = mesh.bottom - mesh.top;
  const cx = (mesh.left + mesh.right) / 2;
  const cy = (mesh.top + mesh.bottom) / 2 + MESH_TO_DETECTOR.shiftY * h;
  const nw = w * MESH_TO_DETECTOR.width;
  const nh = h * MESH_TO_DETECTOR.height;
  return { x1: cx - nw / 2, y1: cy - nh / 2, x2: cx + nw / 2, y2: cy + nh / 2 };
}

/**
 * Minivision's context window: the face box grown by `scale` around its centre, the scale capped so the window
 * fits the frame, slid back inside, truncated to integers with the far edges inclusive.
 */
export function contextCrop(face: PixelBox, frameW: number, frameH: number, scale: number): PixelBox {
  const w = face.x2 - face.x1;
  const h = face.y2 - face.y1;
  const s = Math.min((frameH - 1) / h, (frameW - 1) / w, scale);
  const cx = face.x1 + w / 2;
  const cy = face.y1 + h / 2;
  let x1 = cx - (w * s) / 2;
  let y1 = cy - (h * s) / 2;
  let x2 = cx + (w * s) / 2;
  let y2 = cy + (h * s) / 2;
  if (x1 < 0) {
    x2 -= x1;
    x1 = 0;
  }
  if (y1 < 0) {
    y2 -= y1;
    y1 = 0;
  }
  if (x2 > frameW - 1) {
    x1 -= x2 - frameW + 1;
    x2 = frameW - 1;
  }
  if (y2 > frameH - 1) {
    y1 -= y2 - frameH + 1;
    y2 = frameH - 1;
  }
  return { x1: Math.trunc(x1), y1: Math.trunc(y1), x2: Math.trunc(x2) + 1, y2: Math.trunc(y2) + 1 };
}

/** One channel sampled bilinearly at (x, y), positions outside the frame clamped to its border. */
function sample(f: RgbaFrame, x: number, y: number, channel: number): number {
  const cx = Math.min(Math.max(x, 0), f.width - 1);
  const cy = Math.min(Math.max(y, 0), f.height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, f.width - 1);
  const y1 = Math.min(y0 + 1, f.height - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const d = f.data;
  const a = d[(y0 * f.width + x0) * 4 + channel] ?? 0;
  const b = d[(y0 * f.width + x1) * 4 + channel] ?? 0;
  const c = d[(y1 * f.width + x0) * 4 + channel] ?? 0;
  const e = d[(y1 * f.width + x1) * 4 + channel] ?? 0;
  const top = a + (b - a) * fx;
  return top + (c + (e - c) * fx - top) * fy;
}

/** Channel order and affine normalisation `(v − mean) / std` of a model's input tensor. */
export interface TensorFormat {
  readonly order: 'rgb' | 'bgr';
  readonly mean: number;
  readonly std: number;
}

/** MiniFASNet's input: BGR, raw 0..255. */
const ANTISPOOF_FORMAT: TensorFormat = { order: 'bgr', mean: 0, std: 1 };

/**
 * `crop` stretched onto outW×outH by bilinear sampling with pixel-centre alignment (the server's `boxMapping` +
 * `toColourTensor`), as float32 NCHW planes (batch 1) in `format`.
 */
export function frameTensor(
  frame: RgbaFrame,
  crop: PixelBox,
  outW: number,
  outH: number,
  format: TensorFormat,
): Float32Array {
  const plane = outW * outH;
  const out = new Float32Array(plane * 3);
  const sx = (crop.x2 - crop.x1) / outW;
  const sy = (crop.y2 - crop.y1) / outH;
  // RGBA offset of the colour that lands in tensor channel 0, 1, 2.
  const [c0, c1, c2] = format.order === 'rgb' ? [0, 1, 2] : [2, 1, 0];
  const { mean, std } = format;
  for (let oy = 0; oy < outH; oy++) {
    const y = crop.y1 + (oy + 0.5) * sy - 0.5;
    for (let ox = 0; ox < outW; ox++) {
      const x = crop.x1 + (ox + 0.5) * sx - 0.5;
      const i = oy * outW + ox;
      out[i] = (sample(frame, x, y, c0) - mean) / std;
      out[plane + i] = (sample(frame, x, y, c1) - mean) / std;
      out[2 * plane + i] = (sample(frame, x, y, c2) - mean) / std;
    }
  }
  return out;
}

/** The model input: `crop` stretched onto size×size, BGR planes, raw 0..255, as float32 NCHW (batch 1). */
export function antispoofInput(frame: RgbaFrame, crop: PixelBox, size = INPUT_SIZE): Float32Array {
  return frameTensor(frame, crop, size, size, ANTISPOOF_FORMAT);
}
