import type { RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

/**
 * `architecture: lite`: `/api/instant/*` is passed through to `api_url` unchanged, so a page or backend
 * that speaks the Instant API can use the adapter's address. The adapter adds no credentials here —
 * callers bring their own `X-Forensic-Access-Token` — because an open proxy holding the adapter's
 * token would let anyone run analyses on its account.
 */
export function liteProxy(apiUrl: string): RequestHandler {
  return createProxyMiddleware({
    target: apiUrl,
    changeOrigin: true,
    pathFilter: '/api/instant/**',
    proxyTimeout: 60_000,
  });
}
