import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Minimal HS256 JWT. Since Oz API 6.0.1 access tokens are JWTs whose `exp` clients may read, so
 * we issue real ones; a library would be overkill for one algorithm with a server-held secret.
 */
export interface AccessClaims {
  /** user id */
  sub: string;
  /** session id (Oz's `token_id`) */
  sid: string;
  /** access token id; changes on refresh */
  jti: string;
  iat: number;
  exp: number;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

export function signJwt(claims: AccessClaims, secret: Uint8Array): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

function isClaims(v: unknown): v is AccessClaims {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.sub === 'string' &&
    typeof o.sid === 'string' &&
    typeof o.jti === 'string' &&
    typeof o.iat === 'number' &&
    typeof o.exp === 'number'
  );
}

/** Signature and shape check only; expiry is decided against the session record (sliding TTL). */
export function verifyJwt(token: string, secret: Uint8Array): AccessClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return isClaims(claims) ? claims : null;
  } catch {
    return null;
  }
}
