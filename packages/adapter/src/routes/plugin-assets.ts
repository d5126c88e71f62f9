import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import type { InstallPaths } from '../paths.js';

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
 * The plugin script (also at the legacy `.php` path, with a JavaScript content type), its worker, and the
 * wasm/model files it loads. Everything comes from the install: no CDN at run time.
 */
export function pluginAssetsRouter(
  paths: InstallPaths,
  settings: ScriptSettings = { preinit: 'off' },
): Router {
  const router = express.Router();
  const script = join(paths.pluginDir, 'plugin_liveness.js');
  // Read once per build of the bundle (its mtime), not once per request.
  let cached: { mtimeMs: number; body: string } | null = null;
  const body = (): string => {
    const { mtimeMs } = statSync(script);
    if (cached?.mtimeMs !== mtimeMs)
      cached = { mtimeMs, body: personalise(readFileSync(script, 'utf8'), settings) };
    return cached.body;
  };
  const sendScript: express.RequestHandler = (_req, res, next) => {
    if (!existsSync(script)) {
      res
        .status(503)
        .json({ code: 'plugin_not_built', message: `plugin bundle missing at ${script}; run pnpm build` });
      return;
    }
    res.type('application/javascript');
    res.set('Cache-Control', 'no-cache');
    try {
      res.send(body());
    } catch (err) {
      next(err);
    }
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
