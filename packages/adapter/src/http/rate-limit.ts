import type { RequestHandler } from 'express';
import { MemoryStore, rateLimit, type Store } from 'express-rate-limit';
import { afterBody } from './drain.js';
import { problem, sendProblem } from './problem.js';

/** `rate_limits` of the configuration: requests per client IP per window; 0 turns a limit off. */
export interface RateLimitSettings {
  readonly window_ms: number;
  readonly sessions: number;
  readonly uploads: number;
}

/**
 * Where the counters live. express-rate-limit's `Store` is the interface: the in-memory store counts
 * per process; several adapters behind a balancer share one by passing e.g. `rate-limit-redis`'s store.
 */
export type RateLimitStoreFactory = (name: string) => Store;
export const memoryStores: RateLimitStoreFactory = () => new MemoryStore();

function limiter(
  name: string,
  limit: number,
  windowMs: number,
  stores: RateLimitStoreFactory,
): RequestHandler {
  if (limit <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: stores(name),
    // req.ip honours 'trust proxy' (`trust_proxy`), so a trusted proxy in front counts its clients, not itself.
    // An upload refused here may still be sending its body: read it off first (http/drain.ts), so the
    // client gets the 429 rather than a reset connection.
    handler: (req, res) => {
      res.set('Connection', 'close');
      afterBody(req, () => {
        if (res.headersSent) return;
        sendProblem(
          res,
          problem(
            429,
            'rate_limited',
            `too many ${name} requests from this client; retry after the Retry-After delay`,
          ),
        );
      });
    },
  });
}

/** Limits for session creation and uploads (the endpoints that cost analysis work). */
export function rateLimits(settings: RateLimitSettings, stores: RateLimitStoreFactory = memoryStores) {
  return {
    sessions: limiter('session', settings.sessions, settings.window_ms, stores),
    uploads: limiter('upload', settings.uploads, settings.window_ms, stores),
  };
}
