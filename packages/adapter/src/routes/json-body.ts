import express, { type RequestHandler } from 'express';
import { afterBody } from '../http/drain.js';

/**
 * express.json with a byte limit, answering with the protocol's error body (`request_too_large` or
 * the given code, `bad_json`, `unsupported_media_type`) instead of the generic handler's text.
 */
export function jsonBody(limitBytes: number, tooLargeCode = 'request_too_large'): RequestHandler {
  const parse = express.json({ limit: limitBytes, strict: true });
  return (req, res, next) => {
    const length = Number(req.get('content-length') ?? 0);
    if ((length > 0 || req.get('transfer-encoding')) && !req.is('application/json')) {
      res.set('Connection', 'close');
      afterBody(req, () =>
        res.status(415).json({ code: 'unsupported_media_type', message: 'send application/json' }),
      );
      return;
    }
    parse(req, res, (err?: unknown) => {
      if (err === undefined) return next();
      const type = typeof err === 'object' && err !== null && 'type' in err ? err.type : undefined;
      if (type === 'entity.too.large') {
        res.set('Connection', 'close');
        afterBody(req, () =>
          res.status(413).json({ code: tooLargeCode, message: `body larger than ${limitBytes} bytes` }),
        );
      } else if (type === 'entity.parse.failed') {
        res.status(400).json({ code: 'bad_json', message: 'body is not valid JSON' });
      } else next(err);
    });
  };
}
