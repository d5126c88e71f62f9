import { Router } from 'express';

export const SERVICE_VERSION = '0.1.0';

export function healthRoutes(): Router {
  const r = Router();
  r.get('/api/healthcheck', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/api/version', (_req, res) => {
    res.json({ core: SERVICE_VERSION, service: 'open-liveness-analysis' });
  });
  return r;
}
