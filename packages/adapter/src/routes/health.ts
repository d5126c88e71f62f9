import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import type { InstallPaths } from '../paths.js';

export interface HealthOptions {
  /** Embedded analysis service answering its health check; absent when none runs in-process. */
  readonly analysisReady?: () => Promise<boolean>;
  /** The shared state (Redis) answering; absent when the state is in this process. */
  readonly stateReady?: () => Promise<boolean>;
}

/**
 * Liveness and readiness probes. Ready means the plugin bundle and the model are installed and,
 * when the analysis service runs embedded, that it answers; with Redis configured, that Redis answers.
 */
export function healthRouter(paths: InstallPaths, options: HealthOptions = {}): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, boolean> = {
      plugin: existsSync(join(paths.pluginDir, 'plugin_liveness.js')),
      worker: existsSync(join(paths.pluginDir, 'vision_worker.js')),
      face_model: existsSync(join(paths.assetsDir, 'models', 'face_landmarker.task')),
      wasm: existsSync(join(paths.assetsDir, 'wasm', 'vision_wasm_internal.wasm')),
    };
    if (options.analysisReady) checks.analysis = await options.analysisReady().catch(() => false);
    if (options.stateReady) checks.shared_state = await options.stateReady().catch(() => false);
    const ready = Object.values(checks).every(Boolean);
    res.set('Cache-Control', 'no-store');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });
  return router;
}
