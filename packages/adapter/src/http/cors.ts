import type { RequestHandler } from 'express';

/** `https://a.example`, `https://*.example` (any depth of subdomain) or `*`, as in `cors.origins`. */
export function originMatches(pattern: string, origin: string): boolean {
  if (pattern === '*') return true;
  const p = pattern.toLowerCase();
  const o = origin.toLowerCase();
  const star = p.indexOf('://*.');
  if (star < 0) return p === o;
  const scheme = p.slice(0, star + 3);
  const suffix = p.slice(star + 4); // ".example.com[:port]"
  return o.startsWith(scheme) && o.endsWith(suffix) && o.length > scheme.length + suffix.length;
}

/**
 * CORS for the configured origins only; no configured origin = no CORS headers (the original
 * adapter's default). No credentials: the protocol authenticates with the session token in the path.
 */
export function cors(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origins.length === 0 || !origin) return next();
    res.vary('Origin');
    if (!origins.some((p) => originMatches(p, origin))) return next();
    res.set('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.set('Access-Control-Allow-Headers', 'Content-Type, X-Event-Session-Id');
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
