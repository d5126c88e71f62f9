import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spoofConfidence } from '../../packages/analysis/src/jobs/decisions.js';
import { decodeImage } from '../../packages/analysis/src/media/decode.js';
import { FaceEngine } from '../../packages/analysis/src/models/engine.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

let engine: Promise<FaceEngine> | null = null;

/**
 * The embedded analysis service's liveness path on the given frames (data URLs): its face detector, its
 * MiniFASNet preprocessing on onnxruntime-node, 1 − median fused p(real), exactly as the quality job computes
 * `confidence_spoofing`.
 */
export async function serverSpoofConfidence(dataUrls: readonly string[]): Promise<number> {
  engine ??= FaceEngine.load(join(repoRoot, '.assets', 'models'), 1);
  const e = await engine;
  const reals: number[] = [];
  for (const url of dataUrls) {
    const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    const img = await decodeImage(new Uint8Array(bytes));
    const face = await e.mainFace(img);
    if (face) reals.push((await e.antispoofScores(img, face.box)).real);
  }
  return spoofConfidence(reals);
}
