/**
 * Origin binding for licenses.
 *
 * Since the reference product's 0.9.0 the binding is by host name only: scheme and port are
 * ignored, so `http://shop.example.com:8080` and `https://shop.example.com` are the same for a license.
 * Host names go through the WHATWG URL parser, which lower-cases and punycodes them identically in
 * every browser and in Node, so `Bücher.example` in a license matches the page's `xn--bcher-kva.example`.
 */

/** Hosts that never need a license (local development). */
export const LICENSE_EXEMPT_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export type OriginPattern =
  | { readonly kind: 'exact'; readonly host: string }
  | { readonly kind: 'wildcard'; readonly suffix: string };

/** Extracts the normalised host from an origin (`https://a.b:8443`), a URL, or a bare host name. */
export function hostOf(originOrHost: string): string | null {
  const text = originOrHost.trim();
  if (text === '' || text === 'null') return null; // "null" is the serialised opaque origin
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '');
  return host === '' ? null : host;
}

/**
 * Parses one entry of `origins[]`. Accepted: `example.com`, `*.example.com`, and either with a scheme
 * and/or port (ignored). A lone `*` or a wildcard anywhere but the first label is rejected: "any
 * domain" is what the master license is for, and mid-label wildcards are too easy to get wrong.
 */
export function parseOriginPattern(pattern: string): OriginPattern | null {
  const text = pattern.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (text.startsWith('*.')) {
    const suffix = hostOf(text.slice(2));
    if (suffix === null || suffix.includes('*') || !suffix.includes('.')) return null;
    return { kind: 'wildcard', suffix };
  }
  if (text.includes('*')) return null;
  const host = hostOf(text);
  return host === null ? null : { kind: 'exact', host };
}

/**
 * `*.example.com` matches any depth of subdomain (`a.example.com`, `a.b.example.com`) but not
 * `example.com` itself; list both when both are meant.
 */
export function patternMatchesHost(pattern: OriginPattern, host: string): boolean {
  if (pattern.kind === 'exact') return pattern.host === host;
  return host.endsWith(`.${pattern.suffix}`);
}

export function isExemptHost(host: string): boolean {
  return LICENSE_EXEMPT_HOSTS.includes(host);
}

/** True when `originOrHost` is allowed by at least one valid entry of `patterns`. */
export function originAllowed(patterns: readonly string[], originOrHost: string): boolean {
  const host = hostOf(originOrHost);
  if (host === null) return false;
  for (const raw of patterns) {
    const pattern = parseOriginPattern(raw);
    if (pattern !== null && patternMatchesHost(pattern, host)) return true;
  }
  return false;
}
