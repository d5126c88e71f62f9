import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export const MODELS_DIR = process.env.LIVENESS_MODELS_DIR ?? join(repoRoot, '.assets/models');
export const FIXTURES_DIR = process.env.LIVENESS_FIXTURES ?? join(repoRoot, '../shared/fixtures');

/**
 * True when every path exists. When something is missing the suite is skipped with a loud
 * warning on a developer machine, but in CI (`CI=true`) it throws so the run fails: a green CI
 * must never mean "the model tests did not run".
 */
export function assetsPresent(suite: string, paths: readonly string[]): boolean {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  const msg = `[${suite}] missing test assets:\n  ${missing.join('\n  ')}\nRun \`pnpm models\` or set LIVENESS_MODELS_DIR / LIVENESS_FIXTURES.`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`\n!!! SKIPPING ${suite} !!!\n${msg}\n`);
  return false;
}

export const antispoofFixture = (name: string): string => join(FIXTURES_DIR, 'antispoof', name);
export const faceFixture = (name: string): string => join(FIXTURES_DIR, 'faces', name);
