import { type RequestHandler, Router } from 'express';
import type { InstantService } from '../app/instant.js';
import { authOf, filesOf, sendError, sendResult } from '../http/context.js';
import { payloadOf } from './folders.js';

/** `POST /api/instant/folders/`: the stateless Instant API (same multipart form as /api/folders/). */
export function instantRoutes(instant: InstantService, auth: RequestHandler, upload: RequestHandler): Router {
  const r = Router();
  r.post('/api/instant/folders', auth, upload, async (req, res) => {
    const payload = payloadOf(req.body?.payload);
    if (!payload.ok) return sendError(res, payload.error);
    sendResult(res, await instant.create(authOf(res).user, filesOf(req), payload.value), 201);
  });
  return r;
}
