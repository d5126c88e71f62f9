import { ARCFACE_TEMPLATE_112, estimateSimilarity, inverseMapping } from './align.js';
import { type Point, type RgbImage, toColourTensor } from './image.js';
import type { OnnxModel } from './onnx.js';

export const EMBEDDER_FILE = 'fr_feature.onnx';
const SIZE = 112;

/** Identifies the model + recipe; embeddings from a different recipe are not comparable. */
export const EMBEDDING_MODEL_ID = 'fr_feature@5pt-similarity-bgr-v1';

/**
 * fr_feature: 512-d embedding of a 112×112 crop aligned to the ArcFace template with a 5-point
 * similarity transform, BGR, (v − 127) / 128. Returned as-is; callers normalise.
 */
export class Embedder {
  constructor(private readonly model: OnnxModel) {}

  async embed(img: RgbImage, fivePoints: readonly Point[]): Promise<Float32Array> {
    const t = estimateSimilarity(fivePoints, ARCFACE_TEMPLATE_112);
    const input = toColourTensor(img, inverseMapping(t), SIZE, SIZE, 'bgr', { mean: 127, std: 128 });
    const out = await this.model.run(input, [1, 3, SIZE, SIZE]);
    return Object.values(out)[0] ?? new Float32Array(0);
  }
}
