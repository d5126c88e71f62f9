import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import type { InstallPaths } from '../paths.js';

/** Liveness and readiness probes: ready means the plugin bundle and the model are installed. */
export function healthRouter(paths: InstallPaths): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const checks = {
      plugin: existsSync(join(paths.pluginDir, 'plugin_liveness.js')),
      worker: existsSync(join(paths.pluginDir, 'vision_worker.js')),
      face_model: existsSync(join(paths.assetsDir, 'models', 'face_landmarker.task')),
      wasm: existsSync(join(paths.assetsDir, 'wasm', 'vision_wasm_internal.wasm')),
    };
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });
  return router;
}
