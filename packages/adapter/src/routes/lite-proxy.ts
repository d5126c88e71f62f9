import type { RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { refuse } from './refuse.js';

export interface LiteProxyLimits {
  /** Largest request body passed on (`limits.upload_request_bytes`). */
  readonly requestBytes: number;
  /** How long the upstream may take to answer (`api_timeout_ms`). */
  readonly timeoutMs: number;
}

const PREFIX = '/api/instant/';

/**
 * `architecture: lite`: `/api/instant/*` is passed through to `api_url` unchanged, so a page or backend
 * that speaks the Instant API can use the adapter's address. The adapter adds no credentials here —
 * callers bring their own `X-Forensic-Access-Token` — because an open proxy holding the adapter's
 * token would let anyone run analyses on its account.
 *
 * Bodies stream through without being buffered, so the size limit is checked on the declared
 * Content-Length before a byte is forwarded (Node's parser then reads no more than that): a body
 * without one (chunked) is refused with 411, one above the limit with 413. The upstream gets
 * `timeoutMs` to answer, or the caller gets 504.
 */
export function liteProxy(apiUrl: string, limits: LiteProxyLimits): RequestHandler {
  const proxy = createProxyMiddleware({
    target: apiUrl,
    changeOrigin: true,
    pathFilter: `${PREFIX}**`,
    proxyTimeout: limits.timeoutMs,
  });
  return (req, res, next) => {
    if (!req.path.startsWith(PREFIX)) return next();
    const declared = req.get('content-length');
    const hasBody = declared !== undefined || req.get('transfer-encoding') !== undefined;
    if (hasBody && declared === undefined) {
      refuse(res, 411, 'length_required', 'the Instant API passthrough needs a Content-Length');
      return;
    }
    if (declared !== undefined && Number(declared) > limits.requestBytes) {
      refuse(res, 413, 'request_too_large', `request bodies are limited to ${limits.requestBytes} bytes`);
      return;
    }
    void proxy(req, res, next);
  };
}
