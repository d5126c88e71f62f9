import { antispoofCropBox } from './crop.js';
import { type Box, boxMapping, RAW_PIXELS, type RgbImage, toColourTensor } from './image.js';
import { type OnnxModel, softmax } from './onnx.js';

export const MINIFAS_V2_FILE = 'MiniFASNetV2.onnx';
export const MINIFAS_V1SE_FILE = 'MiniFASNetV1SE.onnx';
const SIZE = 80;
/** Index of the "real face" class in MiniFASNet's 3-way softmax (0 and 2 are attack types). */
const REAL_CLASS = 1;

export interface AntispoofScores {
  /** p(real) from MiniFASNetV2 on the 2.7× crop. */
  readonly v2: number;
  /** p(real) from MiniFASNetV1SE on the 4.0× crop. */
  readonly v1se: number;
  /** Mean of the two: the "fused" score measured in models.md. */
  readonly real: number;
}

/**
 * Minivision's two released MiniFASNet weights, each fed its own context crop, BGR, raw 0..255
 * (their ToTensor deliberately skips the /255). Averaging the two softmaxes is what their
 * `test.py` does.
 */
export class AntispoofFusion {
  constructor(
    private readonly v2: OnnxModel,
    private readonly v1se: OnnxModel,
  ) {}

  private async realProbability(model: OnnxModel, img: RgbImage, face: Box, scale: number): Promise<number> {
    const crop = antispoofCropBox(face, img.width, img.height, scale);
    const input = toColourTensor(img, boxMapping(crop, SIZE, SIZE), SIZE, SIZE, 'bgr', RAW_PIXELS);
    const out = await model.run(input, [1, 3, SIZE, SIZE]);
    const logits = Object.values(out)[0];
    if (!logits) return 0;
    return softmax(logits)[REAL_CLASS] ?? 0;
  }

  async score(img: RgbImage, face: Box): Promise<AntispoofScores> {
    const v2 = await this.realProbability(this.v2, img, face, 2.7);
    const v1se = await this.realProbability(this.v1se, img, face, 4.0);
    return { v2, v1se, real: (v2 + v1se) / 2 };
  }
}
