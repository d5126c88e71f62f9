import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the install keeps what the adapter serves. Every path can be moved with an env variable. */
export interface InstallPaths {
  pluginDir: string;
  assetsDir: string;
  demoDir: string;
}

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(packageRoot, '..', '..');

export function installPaths(env: NodeJS.ProcessEnv = process.env): InstallPaths {
  return {
    pluginDir: resolve(env.LIVENESS_PLUGIN_DIR ?? join(repoRoot, 'packages', 'plugin', 'dist', 'iife')),
    assetsDir: resolve(env.LIVENESS_ASSETS_DIR ?? join(repoRoot, '.assets')),
    demoDir: resolve(env.LIVENESS_DEMO_DIR ?? join(repoRoot, 'examples', 'script-tag')),
  };
}
