import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** What the served script is told by the adapter (written over placeholders in the bundle). */
export interface ScriptSettings {
  /** `preinit`: off | script | full. */
  readonly preinit: string;
}

const PREINIT_TOKEN = '__OPEN_LIVENESS_PREINIT__';

/** The bundle with the adapter's settings written in; padded so every later column stays put. */
export function personalise(bundle: string, settings: ScriptSettings): string {
  return bundle.replaceAll(PREINIT_TOKEN, settings.preinit.padEnd(PREINIT_TOKEN.length, ' '));
}

/**
 * The plugin script (also at the legacy `.php` path, with a JavaScript content type), its workers, and the
 * wasm/model files it loads. Everything comes from the install: no CDN at run time. Any page may load them
 * (docs/embedding.md, "Asset policy"); the API's origin policy is separate (http/api-origin.ts).
 */
export function pluginAssetsRouter(
  paths: InstallPaths,
  settings: ScriptSettings = { preinit: 'off' },
): Router {
  const router = express.Router();
  const script = join(paths.pluginDir, 'plugin_liveness.js');
  // Read and hashed once per build of the bundle (its mtime), not once per request. The served bytes carry
  // the adapter's settings, so the validator is the hash of those bytes, not of the file.
  let cached: { mtimeMs: number; body: string; etag: string } | null = null;
  const served = (mtimeMs: number): { body: string; etag: string } => {
    if (cached?.mtimeMs !== mtimeMs) {
      const body = personalise(readFileSync(script, 'utf8'), settings);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      cached = { mtimeMs, body, etag };
    }
    return cached;
  };
  const sendScript: express.RequestHandler = (req, res, next) => {
    if (!existsSync(script)) {
      res
        .status(503)
        .json({ code: 'plugin_not_built', message: `plugin bundle missing at ${script}; run pnpm build` });
      return;
    }
    try {
      const stat = statSync(script);
      const { body, etag } = served(stat.mtimeMs);
      setAssetHeaders(res, script, stat, etag);
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.send(body);
    } catch (err) {
      next(err);
    }
  };
  router.get('/plugin_liveness.js', sendScript);
  router.get('/plugin_liveness.php', sendScript);
  router.use('/plugin', assetFolder(paths.pluginDir));
  router.use('/assets/wasm', assetFolder(join(paths.assetsDir, 'wasm')));
  router.use('/assets/models', assetFolder(join(paths.assetsDir, 'models')));
  // onnxruntime-web for `open({on_device: true})`: loaded only by the on-device worker, never by default.
  router.use('/assets/ort', assetFolder(join(paths.assetsDir, 'ort')));
  return router;
}
