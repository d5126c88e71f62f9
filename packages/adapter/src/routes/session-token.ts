import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import { problem, sendProblem } from '../http/problem.js';
import type { ProtocolDeps } from './deps.js';

/** Equal-length digests, so the comparison takes the same time whatever the presented key's length. */
function sameKey(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** `X-Forensic-Access-Token: <key>` (the header the vendor's API uses) or `Authorization: Bearer <key>`. */
function presentedKey(req: Request): string | undefined {
  const header = req.get('x-forensic-access-token');
  if (header) return header;
  const auth = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  return auth?.[1];
}

/**
 * `GET /api/authorize/session_token` (same path as the vendor's API): with
 * `api_use_session_token: "client"` the host backend fetches a single-use container session token
 * here and its page passes it to `open({session_token})`. Guarded by `session_token_key` or
 * `api_token`, since whoever holds a token can seal one capture.
 */
export function sessionTokenRouter(deps: ProtocolDeps): Router {
  const router = express.Router();
  const keys = [deps.config.session_token_key, deps.config.api_token].filter(
    (k): k is string => k !== undefined,
  );
  router.get('/api/authorize/session_token', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const runtime = deps.container;
    if (runtime === undefined || deps.config.api_use_session_token !== 'client') {
      sendProblem(
        res,
        problem(
          404,
          'session_token_disabled',
          'session tokens are issued here only with use_wasm_container and api_use_session_token "client"',
        ),
      );
      return;
    }
    const given = presentedKey(req);
    if (given === undefined || !keys.some((k) => sameKey(given, k))) {
      deps.log.warn({ ip: req.ip }, 'session token refused: bad or missing key');
      sendProblem(res, problem(401, 'session_token_unauthorized', 'present the backend key'));
      return;
    }
    const issued = await runtime.tokens.issue(deps.now());
    res.json({ session_token: issued.token, expires_at: issued.expiresAt.toISOString() });
  });
  return router;
}
