import { decodeImage } from '../media/decode.js';
import { fivePointsFrom68, l2Normalise } from './align.js';
import { AntispoofFusion, type AntispoofScores, MINIFAS_V1SE_FILE, MINIFAS_V2_FILE } from './antispoof.js';
import { DETECTOR_FILE, FaceDetector } from './detector.js';
import { EMBEDDER_FILE, Embedder } from './embedder.js';
import { type Box, boxArea, type Point, type RgbImage } from './image.js';
import { LANDMARK_FILE, Landmarker } from './landmarks.js';
import { OnnxModel } from './onnx.js';

/** Every file the engine needs in `modelsDir`. The provisioning script must fetch exactly these. */
export const REQUIRED_MODEL_FILES = [
  DETECTOR_FILE,
  LANDMARK_FILE,
  EMBEDDER_FILE,
  MINIFAS_V2_FILE,
  MINIFAS_V1SE_FILE,
] as const;

export interface FaceFound {
  readonly box: Box;
  readonly score: number;
  /** How many faces the detector saw in the frame (the largest one is analysed). */
  readonly faceCount: number;
}

/**
 * The face toolkit the analysis jobs use. Owns the ONNX sessions; everything it exposes takes a
 * decoded frame, so jobs never touch tensors. It decodes frames too, so that in worker threads
 * (FaceEnginePool) decoding runs beside inference instead of on the event loop serving HTTP.
 */
export class FaceEngine {
  private constructor(
    private readonly models: readonly OnnxModel[],
    private readonly detector: FaceDetector,
    private readonly antispoof: AntispoofFusion,
    private readonly landmarker: Landmarker,
    private readonly embedder: Embedder,
  ) {}

  /** Loads all models; rejects with the missing file's name if one is absent. */
  static async load(modelsDir: string, threads = 1): Promise<FaceEngine> {
    const [det, lmk, emb, v2, v1se] = await Promise.all(
      REQUIRED_MODEL_FILES.map((f) => OnnxModel.load(modelsDir, f, threads)),
    );
    if (!det || !lmk || !emb || !v2 || !v1se) throw new Error('model list mismatch');
    return new FaceEngine(
      [det, lmk, emb, v2, v1se],
      new FaceDetector(det),
      new AntispoofFusion(v2, v1se),
      new Landmarker(lmk),
      new Embedder(emb),
    );
  }

  /** JPEG/PNG bytes → upright RGB (media/decode.ts), the frame every other method takes. */
  decode(bytes: Uint8Array): Promise<RgbImage> {
    return decodeImage(bytes);
  }

  /** The largest detected face, or null. Largest, because a background face must not win. */
  async mainFace(img: RgbImage): Promise<FaceFound | null> {
    const faces = await this.detector.detect(img);
    let best: FaceFound | null = null;
    for (const f of faces) {
      if (!best || boxArea(f.box) > boxArea(best.box))
        best = { box: f.box, score: f.score, faceCount: faces.length };
    }
    return best;
  }

  antispoofScores(img: RgbImage, face: Box): Promise<AntispoofScores> {
    return this.antispoof.score(img, face);
  }

  landmarks(img: RgbImage, face: Box): Promise<Point[]> {
    return this.landmarker.landmarks(img, face);
  }

  /** L2-normalised identity embedding of the face in `box`. */
  async embedding(img: RgbImage, face: Box): Promise<Float32Array> {
    const pts = await this.landmarker.landmarks(img, face);
    return l2Normalise(await this.embedder.embed(img, fivePointsFrom68(pts)));
  }

  async close(): Promise<void> {
    await Promise.all(this.models.map((m) => m.release()));
  }
}
