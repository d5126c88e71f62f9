import type { Request, RequestHandler, Response } from 'express';
import { requestOrigin } from '../licensing/for-request.js';
import type { OriginJudgement, OriginPolicy } from '../licensing/origin-policy.js';
import { verifySession } from '../session/token.js';
import { sendProblem } from './problem.js';

export interface ApiOriginDeps {
  readonly policy: OriginPolicy;
  readonly sessionSecret: string;
  readonly now: () => Date;
}

/** The refusal the origin policy gave a session request, left for the route to weigh a page licence. */
export type OriginRefusal = Extract<OriginJudgement, { ok: false }>;

export function originRefusalOf(res: Response): OriginRefusal | undefined {
  return res.locals.originRefusal as OriginRefusal | undefined;
}

const SESSION_CALL = /^\/api\/v1\/sessions\/([^/]+)\//;

/** The adapter's own origin as the browser sees it (behind a proxy: X-Forwarded-Proto/Host, from a `trust_proxy` proxy). */
function selfOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}`;
}

/** A session started with a page licence (open({license})) binds its token to that page's origin. */
function tokenAdmits(req: Request, origin: string, deps: ApiOriginDeps): boolean {
  const m = SESSION_CALL.exec(req.path);
  if (!m?.[1]) return false;
  const verified = verifySession(deps.sessionSecret, decodeURIComponent(m[1]), deps.now());
  return verified.ok && verified.claims.origin === origin;
}

/**
 * CORS and the origin policy for `/api/v1/*`. Every origin gets CORS headers (no credentials: the
 * session token in the path is the only authority), so a refusal is readable: the preflight is answered,
 * and a page outside the policy gets a 403 with its code instead of an opaque network error. Requests
 * without Origin or Referer (servers, curl) are not judged: the licence binds honest pages to origins,
 * it is not an access control (docs/licensing.md, "Limits").
 */
export function apiOrigin(deps: ApiOriginDeps): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith('/api/v1/')) return next();
    const header = req.get('origin');
    res.vary('Origin');
    if (header) {
      res.set('Access-Control-Allow-Origin', header);
      res.set('Access-Control-Expose-Headers', 'Retry-After, RateLimit, RateLimit-Policy');
    }
    if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.set('Access-Control-Allow-Headers', 'Content-Type, X-Event-Session-Id');
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    const origin = requestOrigin(req);
    if (origin === null || origin === selfOrigin(req)) return next();
    const judgement = deps.policy.judge(origin);
    if (judgement.ok) return next();
    if (req.method === 'POST' && req.path === '/api/v1/sessions') {
      // The route decides: a page licence may still cover this origin.
      res.locals.originRefusal = judgement;
      return next();
    }
    if (tokenAdmits(req, origin, deps)) return next();
    sendProblem(res, { status: 403, code: judgement.code, message: judgement.message });
  };
}
