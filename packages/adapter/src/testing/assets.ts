import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export const MODELS_DIR = process.env.LIVENESS_MODELS_DIR ?? join(repoRoot, '.assets/models');
export const FIXTURES_DIR = process.env.LIVENESS_FIXTURES ?? join(repoRoot, '../shared/fixtures');
export const FACE_IMAGE = join(FIXTURES_DIR, 'images/person_b_intel_female_frontal.png');

/**
 * True when every path exists. Otherwise the suite is skipped with a loud warning on a developer
 * machine, and fails under `CI=true`: a green CI must never mean "the model tests did not run".
 */
export function assetsPresent(suite: string, paths: readonly string[]): boolean {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  const msg = `[${suite}] missing test assets:\n  ${missing.join('\n  ')}\nRun \`pnpm models\` or set LIVENESS_MODELS_DIR / LIVENESS_FIXTURES.`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`\n!!! SKIPPING ${suite} !!!\n${msg}\n`);
  return false;
}

/** Models and the face fixture the end-to-end adapter tests need. */
export const REAL_ASSETS = [
  join(MODELS_DIR, 'fr_detect.onnx'),
  join(MODELS_DIR, 'MiniFASNetV2.onnx'),
  join(MODELS_DIR, 'MiniFASNetV1SE.onnx'),
  join(MODELS_DIR, 'fr_landmark.onnx'),
  join(MODELS_DIR, 'fr_feature.onnx'),
  FACE_IMAGE,
];
