import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import type { InstallPaths } from '../paths.js';

/**
 * The plugin script (also at the legacy `.php` path, with a JavaScript content type), its worker, and the
 * wasm/model files it loads. Everything comes from the install: no CDN at run time.
 */
export function pluginAssetsRouter(paths: InstallPaths): Router {
  const router = express.Router();
  const script = join(paths.pluginDir, 'plugin_liveness.js');
  const sendScript: express.RequestHandler = (_req, res, next) => {
    if (!existsSync(script)) {
      res
        .status(503)
        .json({ code: 'plugin_not_built', message: `plugin bundle missing at ${script}; run pnpm build` });
      return;
    }
    res.type('application/javascript');
    res.set('Cache-Control', 'no-cache');
    res.sendFile(script, (err) => err && next(err));
  };
  router.get('/plugin_liveness.js', sendScript);
  router.get('/plugin_liveness.php', sendScript);
  router.use('/plugin', express.static(paths.pluginDir, { fallthrough: false, maxAge: '1h' }));
  router.use(
    '/assets/wasm',
    express.static(join(paths.assetsDir, 'wasm'), {
      fallthrough: false,
      maxAge: '1d',
      setHeaders: (res, file) => {
        if (file.endsWith('.wasm')) res.type('application/wasm');
      },
    }),
  );
  router.use(
    '/assets/models',
    express.static(join(paths.assetsDir, 'models'), { fallthrough: false, maxAge: '1d' }),
  );
  return router;
}
