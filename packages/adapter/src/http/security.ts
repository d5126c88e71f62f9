import type { RequestHandler } from 'express';

export interface SecurityHeaderSettings {
  readonly iframe_allowed: boolean;
  readonly cors: { readonly origins: readonly string[] };
}

/**
 * Headers on every answer. The framing policy follows `iframe_allowed`: off (the default) forbids
 * framing of the adapter's pages outright; on allows this origin and the configured CORS origins
 * (the pages licensed to embed us). X-Frame-Options cannot express a list, so it is only sent to deny.
 */
export function securityHeaders(settings: SecurityHeaderSettings): RequestHandler {
  const ancestors = settings.iframe_allowed ? ["'self'", ...settings.cors.origins].join(' ') : "'none'";
  return (req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.set('Content-Security-Policy', `frame-ancestors ${ancestors}`);
    if (!settings.iframe_allowed) res.set('X-Frame-Options', 'DENY');
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}
