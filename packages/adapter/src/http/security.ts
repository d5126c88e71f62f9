import type { RequestHandler } from 'express';
import helmet from 'helmet';

export interface SecurityHeaderSettings {
  readonly iframe_allowed: boolean;
  readonly cors: { readonly origins: readonly string[] };
}

/**
 * Security headers on every answer, by helmet (nosniff, referrer policy, COOP, origin-agent-cluster, …).
 * The framing policy follows `iframe_allowed`: off (the default) forbids framing of the adapter's pages
 * outright; on allows this origin and the configured CORS origins. X-Frame-Options cannot express a list,
 * so it is only sent to deny. The CSP here holds the framing rule only: the demo page adds its own policy
 * (routes/demo.ts), and JSON answers need none. CORP is same-origin for everything but the plugin's assets,
 * which say cross-origin themselves (http/asset-headers.ts); API answers are read through CORS, not CORP.
 */
export function securityHeaders(settings: SecurityHeaderSettings): RequestHandler {
  const ancestors = settings.iframe_allowed ? ["'self'", ...settings.cors.origins] : ["'none'"];
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
        'frame-ancestors': ancestors,
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: settings.iframe_allowed ? false : { action: 'deny' },
    // HSTS only over TLS (below): a plain-http development adapter must not pin itself to https.
    strictTransportSecurity: false,
  });
  return (req, res, next) => {
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000');
    headers(req, res, next);
  };
}
