import express, { type Router } from 'express';
import type { InstallPaths } from '../paths.js';

/** The demo page at `/`: a plain HTML page that loads the plugin by script tag. */
export function demoRouter(paths: InstallPaths): Router {
  const router = express.Router();
  router.use('/', express.static(paths.demoDir, { index: 'index.html' }));
  return router;
}
