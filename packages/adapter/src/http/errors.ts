import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { redactPath } from './log-redaction.js';

/** Last-resort handler: every failure leaves as JSON with a code, never as a stack trace. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number'
        ? err.status
        : 500;
    if (status >= 500) log.error({ err, path: redactPath(req.path) }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({
      code: status === 404 ? 'not_found' : status >= 500 ? 'internal_error' : 'bad_request',
      message:
        status === 404 ? `no such resource: ${req.path}` : status >= 500 ? 'internal error' : String(err),
    });
  };
}
