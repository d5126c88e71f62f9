import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { setAssetHeaders } from '../http/asset-headers.js';
import type { InstallPaths } from '../paths.js';

/** Static options of every plugin asset folder: our own headers, conditional GETs answered with 304. */
function assetFolder(dir: string): express.RequestHandler {
  return express.static(dir, {
    fallthrough: false,
    etag: false,
    cacheControl: false,
    lastModified: true,
    index: false,
    setHeaders: (res, file, stat) => setAssetHeaders(res as unknown as express.Response, file, stat),
  });
}

/**
 * The plugin script (also at the legacy `.php` path, with a JavaScript content type), its workers, and the
 * wasm/model files it loads. Everything comes from the install: no CDN at run time. Any page may load them
 * (docs/embedding.md, "Asset policy"); the API's origin policy is separate (http/api-origin.ts).
 */
export function pluginAssetsRouter(paths: InstallPaths): Router {
  const router = express.Router();
  const script = join(paths.pluginDir, 'plugin_liveness.js');
  const sendScript: express.RequestHandler = (req, res, next) => {
    if (!existsSync(script)) {
      res
        .status(503)
        .json({ code: 'plugin_not_built', message: `plugin bundle missing at ${script}; run pnpm build` });
      return;
    }
    setAssetHeaders(res, script, statSync(script));
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.sendFile(script, { etag: false, cacheControl: false, lastModified: true }, (err) => err && next(err));
  };
  router.get('/plugin_liveness.js', sendScript);
  router.get('/plugin_liveness.php', sendScript);
  router.use('/plugin', assetFolder(paths.pluginDir));
  router.use('/assets/wasm', assetFolder(join(paths.assetsDir, 'wasm')));
  router.use('/assets/models', assetFolder(join(paths.assetsDir, 'models')));
  return router;
}
