import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The fixtures folder: $LIVENESS_FIXTURES, or ../shared/fixtures beside the clone. */
export const fixturesDir = resolve(
  process.env.LIVENESS_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures'),
);

export const isCI = process.env.CI === 'true';

/** Debian Chromium from PATH (or $CHROMIUM_PATH). Playwright's own browser download is never used. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // try the next name
    }
  }
  throw new Error('No Chromium on PATH: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
}

/** Absolute path of a fake-camera clip, or null when the fixtures are not there. */
export function clipPath(name: string): string | null {
  const path = join(fixturesDir, 'video', `${name}.mjpeg`);
  return existsSync(path) ? path : null;
}

export const missingFixturesMessage = (name: string) =>
  `Fixture clip "${name}.mjpeg" not found in ${fixturesDir}/video. ` +
  'Point LIVENESS_FIXTURES at a folder with video/<clip>.mjpeg files (see README, "Test fixtures").';

/**
 * The suite's default adapter (the Playwright webServer). Reach it through this, never through a URL relative
 * to the page: host pages are served from another origin, as an integrator's are.
 */
export const adapterURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8190)}/`;
