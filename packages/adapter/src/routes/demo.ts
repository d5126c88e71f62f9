import express, { type Router } from 'express';
import type { InstallPaths } from '../paths.js';

/**
 * The CSP the demo page runs under: nothing beyond 'self' but 'wasm-unsafe-eval' (the face model's wasm),
 * plus data: images for the demo's own frame thumbnails. The plugin's workers are same-origin here, its
 * styles a constructed stylesheet (docs/embedding.md, "Content-Security-Policy").
 */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** The demo page at `/`: a plain HTML page that loads the plugin by script tag. */
export function demoRouter(paths: InstallPaths): Router {
  const router = express.Router();
  router.use(
    '/',
    express.static(paths.demoDir, {
      index: 'index.html',
      setHeaders: (res, file) => {
        if (!file.endsWith('.html')) return;
        // Keeps the framing policy securityHeaders() set (iframe_allowed).
        const framing = res.getHeader('Content-Security-Policy');
        res.setHeader('Content-Security-Policy', framing ? `${DEMO_CSP}; ${String(framing)}` : DEMO_CSP);
      },
    }),
  );
  return router;
}
