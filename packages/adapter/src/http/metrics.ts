import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Telemetry event types of docs/protocol.md §4; the only label values allowed, so cardinality is bounded. */
export const TELEMETRY_EVENT_TYPES = [
  'opened',
  'camera_ready',
  'hint',
  'action_start',
  'action_done',
  'action_fail',
  'upload_start',
  'upload_done',
  'result',
  'error',
  'close',
] as const;
export type TelemetryEventType = (typeof TELEMETRY_EVENT_TYPES)[number];

/**
 * One registry per app (not prom-client's global one), so tests can build many apps in one process
 * and every series here belongs to this adapter.
 */
export interface AdapterMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly requestSeconds: Histogram<'method' | 'route' | 'status'>;
  readonly uploads: Counter<'outcome' | 'code'>;
  readonly containers: Counter<'outcome' | 'code'>;
  readonly analyses: Counter<'type' | 'resolution'>;
  readonly pluginEvents: Counter<'type'>;
}

export function createMetrics(options: { readonly processMetrics?: boolean } = {}): AdapterMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'liveness_http_requests_total',
      help: 'HTTP requests by route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'liveness_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    uploads: new Counter({
      name: 'liveness_uploads_total',
      help: 'Capture uploads: accepted, or rejected with their error code.',
      labelNames: ['outcome', 'code'],
      registers: [registry],
    }),
    containers: new Counter({
      name: 'liveness_containers_total',
      help: 'Sealed containers: opened, or rejected with their container_* code.',
      labelNames: ['outcome', 'code'],
      registers: [registry],
    }),
    analyses: new Counter({
      name: 'liveness_analyses_total',
      help: 'Finished analyses seen by the result endpoint, by type and resolution.',
      labelNames: ['type', 'resolution'],
      registers: [registry],
    }),
    pluginEvents: new Counter({
      name: 'liveness_plugin_events_total',
      help: 'Plugin telemetry events by type.',
      labelNames: ['type'],
      registers: [registry],
    }),
  };
}

/**
 * Counts and times every request by its route *pattern* (`/api/v1/sessions/:session/media`), never
 * the raw path: tokens in paths would explode the label set. Unrouted requests share one label.
 */
export function requestMetrics(metrics: AdapterMetrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.requestSeconds.startTimer();
    res.on('finish', () => {
      const routePath: unknown = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof routePath === 'string' ? `${req.baseUrl}${routePath}` : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      metrics.requests.inc(labels);
      end(labels);
    });
    next();
  };
}
