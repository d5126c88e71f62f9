import type { Box } from '../vision/types.js';
import { detectorBoxOf, frameTensor, type PixelBox, type RgbaFrame } from './preprocess.js';

/**
 * The server's face detector (packages/analysis/src/models/detector.ts, Ultra-Light RFB-320 `fr_detect.onnx`),
 * redone for the device. MiniFASNet's score moves by more than 0.02 when its face box moves by one pixel on
 * about one face in five, so no box mapped from the FaceLandmarker mesh agrees with the server closely
 * enough (docs/on-device.md, "Agreement"): the device runs the server's detector on the frames it scores.
 */
export const DETECTOR_FILE = 'fr_detect.onnx';
export const DETECTOR_W = 320;
export const DETECTOR_H = 240;
/** The server's DEFAULT_DETECTOR_OPTIONS. */
const SCORE_THRESHOLD = 0.65;
const NMS_IOU = 0.4;
/** A detection counts as the FaceLandmarker's face when it overlaps the mapped mesh box at least this much. */
const SAME_FACE_IOU = 0.3;

export interface Detection {
  readonly box: PixelBox;
  readonly score: number;
}

/** The whole frame stretched to 320×240, RGB, (v − 127) / 128, NCHW: the server's detector input. */
export function detectorInput(frame: RgbaFrame): Float32Array {
  const whole = { x1: 0, y1: 0, x2: frame.width, y2: frame.height };
  return frameTensor(frame, whole, DETECTOR_W, DETECTOR_H, { order: 'rgb', mean: 127, std: 128 });
}

const area = (b: PixelBox) => Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);

export function iou(a: PixelBox, b: PixelBox): number {
  const ix = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const iy = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const inter = ix * iy;
  const union = area(a) + area(b) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * The model's decoded outputs (`scores[i, 1]` face probability, `boxes[i]` normalised corners) to frame boxes:
 * threshold, clamp to the frame, then greedy NMS by score. The same steps and order as the server's
 * `decodeDetections` + `nonMaxSuppression`.
 */
export function decodeDetections(
  scores: ArrayLike<number>,
  boxes: ArrayLike<number>,
  frameW: number,
  frameH: number,
): Detection[] {
  const candidates: Detection[] = [];
  const n = Math.floor(scores.length / 2);
  for (let i = 0; i < n; i++) {
    const score = scores[i * 2 + 1] ?? 0;
    if (score < SCORE_THRESHOLD) continue;
    const box = {
      x1: Math.max(0, (boxes[i * 4] ?? 0) * frameW),
      y1: Math.max(0, (boxes[i * 4 + 1] ?? 0) * frameH),
      x2: Math.min(frameW, (boxes[i * 4 + 2] ?? 0) * frameW),
      y2: Math.min(frameH, (boxes[i * 4 + 3] ?? 0) * frameH),
    };
    if (box.x2 > box.x1 && box.y2 > box.y1) candidates.push({ box, score });
  }
  candidates.sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const c of candidates) if (kept.every((k) => iou(k.box, c.box) <= NMS_IOU)) kept.push(c);
  return kept;
}

/**
 * The box MiniFASNet gets for the FaceLandmarker's face: the largest detection that is that face (the server
 * analyses the largest), or, when the detector did not find it, the mesh box mapped onto the detector's shape.
 */
export function faceBoxFor(
  detections: readonly Detection[],
  mesh: Box,
): { box: PixelBox; source: 'detector' | 'mesh' } {
  const mapped = detectorBoxOf(mesh);
  let best: Detection | null = null;
  for (const d of detections)
    if (iou(d.box, mapped) >= SAME_FACE_IOU && (!best || area(d.box) > area(best.box))) best = d;
  return best ? { box: best.box, source: 'detector' } : { box: mapped, source: 'mesh' };
}
