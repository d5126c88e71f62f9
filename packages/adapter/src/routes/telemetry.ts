import express, { type Router } from 'express';
import { z } from 'zod';
import { TELEMETRY_EVENT_TYPES } from '../http/metrics.js';
import { problem, sendProblem } from '../http/problem.js';
import type { ProtocolDeps } from './deps.js';
import { jsonBody } from './json-body.js';

/** Telemetry is small by design (no images, no personal data): anything bigger is a bug or abuse. */
export const TELEMETRY_MAX_BYTES = 64 * 1024;

const batchSchema = z.strictObject({
  event_session_id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  events: z
    .array(
      z.strictObject({
        t: z.number().nonnegative(),
        type: z.enum(TELEMETRY_EVENT_TYPES),
        value: z.union([z.string().max(256), z.number(), z.boolean()]).optional(),
      }),
    )
    .max(500),
});

/** `POST api/v1/telemetry` (protocol.md §4): log the batch, count events by type, 204. */
export function telemetryRouter(deps: Pick<ProtocolDeps, 'log' | 'metrics'>): Router {
  const router = express.Router();
  router.post('/api/v1/telemetry', jsonBody(TELEMETRY_MAX_BYTES, 'telemetry_too_large'), (req, res) => {
    const parsed = batchSchema.safeParse(req.body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      sendProblem(
        res,
        problem(
          400,
          'telemetry_bad_request',
          `invalid ${first?.path.join('.') || 'body'}: ${first?.message ?? ''}`,
        ),
      );
      return;
    }
    const { event_session_id, events } = parsed.data;
    for (const e of events) deps.metrics.pluginEvents.inc({ type: e.type });
    deps.log.info({ event_session_id, events }, 'plugin telemetry');
    res.status(204).end();
  });
  return router;
}
