import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { errorHandler } from './http/errors.js';
import { requestLog } from './http/request-log.js';
import type { InstallPaths } from './paths.js';
import { demoRouter } from './routes/demo.js';
import { healthRouter } from './routes/health.js';
import { pluginAssetsRouter } from './routes/plugin-assets.js';

export interface AppDeps {
  paths: InstallPaths;
  log: Logger;
}

/** The adapter's HTTP surface. Pure wiring: every route lives in its own module. */
export function createApp({ paths, log }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(log));
  app.use(healthRouter(paths));
  app.use(pluginAssetsRouter(paths));
  app.use(demoRouter(paths));
  app.use((req, res) => {
    res.status(404).json({ code: 'not_found', message: `no such resource: ${req.path}` });
  });
  app.use(errorHandler(log));
  return app;
}
