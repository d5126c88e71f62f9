import { squareBox } from './crop.js';
import { type Box, boxMapping, type Point, type RgbImage, toGrayTensor } from './image.js';
import type { OnnxModel } from './onnx.js';

export const LANDMARK_FILE = 'fr_landmark.onnx';
const SIZE = 64;

/** Maps the model's 136 box-normalised values to 68 frame points (iBUG-68 order). */
export function decodeLandmarks(raw: Float32Array, crop: Box): Point[] {
  const w = crop.x2 - crop.x1;
  const h = crop.y2 - crop.y1;
  const pts: Point[] = [];
  for (let i = 0; i < 68; i++) {
    pts.push({ x: (raw[i * 2] ?? 0) * w + crop.x1, y: (raw[i * 2 + 1] ?? 0) * h + crop.y1 });
  }
  return pts;
}

/**
 * fr_landmark (faceplugin npm package): 68 points from a 64×64 grayscale crop of the squared
 * detector box, scaled by 1/256. We need it because fr_detect gives boxes only.
 */
export class Landmarker {
  constructor(private readonly model: OnnxModel) {}

  async landmarks(img: RgbImage, face: Box): Promise<Point[]> {
    const crop = squareBox(face, img.width, img.height);
    const input = toGrayTensor(img, boxMapping(crop, SIZE, SIZE), SIZE, SIZE, { mean: 0, std: 256 });
    const out = await this.model.run(input, [1, 1, SIZE, SIZE]);
    const raw = Object.values(out)[0];
    return raw ? decodeLandmarks(raw, crop) : [];
  }
}
