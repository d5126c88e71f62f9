import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { redactPath } from './log-redaction.js';

/**
 * One structured line per request, with the session id when the plugin sends one. No bodies, no secrets:
 * the session token in a path is logged as `:session`.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const session = req.get('x-event-session-id');
      log.info(
        {
          method: req.method,
          path: redactPath(req.originalUrl.split('?')[0] ?? ''),
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          ...(session ? { event_session_id: session } : {}),
        },
        'request',
      );
    });
    next();
  };
}
