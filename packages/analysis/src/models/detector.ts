import { type Box, boxMapping, type RgbImage, toColourTensor } from './image.js';
import { nonMaxSuppression, type ScoredBox } from './nms.js';
import type { OnnxModel } from './onnx.js';

export const DETECTOR_FILE = 'fr_detect.onnx';
const IN_W = 320;
const IN_H = 240;

export interface DetectorOptions {
  /** Minimum face probability (faceplugin/Ultra-Light default 0.65). */
  readonly scoreThreshold: number;
  readonly nmsIou: number;
}

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = { scoreThreshold: 0.65, nmsIou: 0.4 };

/**
 * Ultra-Light RFB-320 outputs are already decoded: `scores[i, 1]` is the face probability and
 * `boxes[i]` normalised corners. Pure, so it is tested without the model.
 */
export function decodeDetections(
  scores: Float32Array,
  boxes: Float32Array,
  frameW: number,
  frameH: number,
  options: DetectorOptions,
): ScoredBox[] {
  const n = Math.floor(scores.length / 2);
  const candidates: ScoredBox[] = [];
  for (let i = 0; i < n; i++) {
    const score = scores[i * 2 + 1] ?? 0;
    if (score < options.scoreThreshold) continue;
    const box: Box = {
      x1: Math.max(0, (boxes[i * 4] ?? 0) * frameW),
      y1: Math.max(0, (boxes[i * 4 + 1] ?? 0) * frameH),
      x2: Math.min(frameW, (boxes[i * 4 + 2] ?? 0) * frameW),
      y2: Math.min(frameH, (boxes[i * 4 + 3] ?? 0) * frameH),
    };
    if (box.x2 > box.x1 && box.y2 > box.y1) candidates.push({ box, score });
  }
  return nonMaxSuppression(candidates, options.nmsIou);
}

export class FaceDetector {
  constructor(
    private readonly model: OnnxModel,
    private readonly options: DetectorOptions = DEFAULT_DETECTOR_OPTIONS,
  ) {}

  async detect(img: RgbImage): Promise<ScoredBox[]> {
    // Whole frame stretched to 320×240, RGB, (v − 127) / 128.
    const frame: Box = { x1: 0, y1: 0, x2: img.width, y2: img.height };
    const input = toColourTensor(img, boxMapping(frame, IN_W, IN_H), IN_W, IN_H, 'rgb', {
      mean: 127,
      std: 128,
    });
    const out = await this.model.run(input, [1, 3, IN_H, IN_W]);
    const scores = out.scores;
    const boxes = out.boxes;
    if (!scores || !boxes) return [];
    return decodeDetections(scores, boxes, img.width, img.height, this.options);
  }
}
