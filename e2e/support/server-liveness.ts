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

/** The server's box (fr_detect) and fused MiniFASNet scores on one frame (data URL); null with no face. */
export async function serverFace(
  dataUrl: string,
): Promise<{ box: { x1: number; y1: number; x2: number; y2: number }; real: number } | null> {
  engine ??= FaceEngine.load(join(repoRoot, '.assets', 'models'), 1);
  const e = await engine;
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  const img = await decodeImage(new Uint8Array(bytes));
  const face = await e.mainFace(img);
  if (!face) return null;
  return { box: face.box, real: (await e.antispoofScores(img, face.box)).real };
}
