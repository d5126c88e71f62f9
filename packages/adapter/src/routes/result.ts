import express, { type Router } from 'express';
import { problem, sendProblem } from '../http/problem.js';
import { isFolderFinished, shapeResult, summariseAnalyses } from '../results/index.js';
import { sessionFromRequest } from '../session/from-request.js';
import { apiProblem } from './api-problem.js';
import type { ProtocolDeps } from './deps.js';

/**
 * `GET api/v1/sessions/:session/result` (protocol.md §3): one folder read per call, shaped by
 * `result_mode`. The plugin does the polling, so the adapter holds no per-session state; with the
 * embedded analysis service the read is an in-process cache lookup (`localFolders`).
 */
export function resultRouter(deps: ProtocolDeps): Router {
  const router = express.Router();
  router.get('/api/v1/sessions/:session/result', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const session = sessionFromRequest(req, deps.sessionSecret, deps.now());
    if (!session.ok) return sendProblem(res, session.problem);
    const { claims } = session;
    if (claims.result !== undefined) {
      res.json(claims.result);
      return;
    }
    if (claims.folder_id === undefined || deps.api === undefined) {
      sendProblem(res, problem(409, 'session_no_upload', 'nothing was uploaded in this session yet'));
      return;
    }
    // With the adapter's own credentials and an in-process analysis service, the folder is read
    // from its hot state: the same body as the API's, without the HTTP round trip per poll.
    // A finished folder no longer changes: once one adapter of the pool has read it, every adapter
    // answers it from the shared state (state/).
    // A cache that does not answer is a miss: the API still has the folder.
    const cached = await deps.results.get(claims.folder_id).catch(() => undefined);
    const local =
      cached ??
      (claims.api_token === undefined && deps.localFolders
        ? await deps.localFolders(claims.folder_id)
        : undefined);
    const folder = local
      ? { ok: true as const, value: local }
      : await deps.api.getFolder(claims.folder_id, { token: claims.api_token });
    if (!folder.ok) {
      deps.log.warn(
        { event_session_id: claims.sid, code: folder.error.code, cause: folder.error.cause },
        'result not read',
      );
      return sendProblem(res, apiProblem(folder.error));
    }
    if (isFolderFinished(folder.value)) {
      if (cached === undefined) {
        await deps.results.putFinished(claims.folder_id, folder.value).catch((err: unknown) => {
          deps.log.warn({ event_session_id: claims.sid, err }, 'finished result not cached');
        });
      }
      // Counted on every finished answer: the plugin stops polling at the first one.
      for (const [type, s] of Object.entries(summariseAnalyses(folder.value))) {
        deps.metrics.analyses.inc({ type, resolution: s.resolution || 'none' });
      }
    }
    res.json(shapeResult(folder.value, deps.config.result_mode));
  });
  return router;
}
