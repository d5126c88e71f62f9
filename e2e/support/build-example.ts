import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Builds examples/<name> with its own Vite into a fresh temp folder and returns it. `development` keeps the
 * framework's development mode (React StrictMode's double mount happens only there).
 */
export async function buildExample(
  name: string,
  mode: 'production' | 'development' = 'production',
): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), `ol-example-${name}-`));
  const cwd = join(repoRoot, 'examples', name);
  await promisify(execFile)(
    join(cwd, 'node_modules', '.bin', 'vite'),
    ['build', '--mode', mode, '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd, env: { ...process.env, NODE_ENV: mode } },
  );
  return out;
}
