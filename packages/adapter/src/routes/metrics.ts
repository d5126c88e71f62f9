import express, { type Router } from 'express';
import type { AdapterMetrics } from '../http/metrics.js';

/** Prometheus exposition. Counters only: no session ids or tokens ever become labels. */
export function metricsRouter(metrics: AdapterMetrics): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return router;
}
