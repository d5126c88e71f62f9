import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/*
 * The plugin↔adapter session token (docs/protocol.md §1). Stateless on purpose: everything the later
 * calls need travels in the token, signed with HMAC-SHA-256, so several adapters that share
 * `session_secret` can serve one session. It is signed, not encrypted: it holds nothing the browser
 * did not send or may not see (its own event id, actions, meta, its own API token, the folder id).
 * Distinct from the container session tokens of @open-liveness/trust (other audience, other secret use).
 */

/** Version prefix: lets a later format be told apart, and keeps this token from passing as a JWT. */
const PREFIX = 'ols1';
export const SESSION_TTL_SECONDS = 30 * 60;

const claimsSchema = z.strictObject({
  /** event_session_id: telemetry id, also the folder name of a pending upload. */
  sid: z.string(),
  /** Random per session: what "one upload per session" is remembered by (the sid comes from the page). */
  nonce: z.string().optional(),
  iat: z.number().int(),
  exp: z.number().int(),
  actions: z.array(z.string()),
  /** The actions are a random challenge (actions_default.random): the upload must be exactly them, in order. */
  challenge: z.literal(true).optional(),
  /** open({meta}) as folder:meta_data strings. */
  meta: z.record(z.string(), z.string()),
  /** The page's API token (api_use_token: client). */
  api_token: z.string().optional(),
  /** Id of the container session token issued with this session (use_wasm_container, api mode). */
  container_jti: z.string().optional(),
  /** Set once the capture is uploaded. */
  folder_id: z.string().optional(),
  /** lite: the Instant API answers once, so the shaped result itself is kept here. */
  result: z.record(z.string(), z.unknown()).optional(),
});

export type SessionClaims = z.output<typeof claimsSchema>;
export type SessionTokenError = 'session_invalid' | 'session_expired';
export type SessionTokenResult =
  | { readonly ok: true; readonly claims: SessionClaims }
  | { readonly ok: false; readonly code: SessionTokenError };

/** At least 32 bytes of secret, like the container tokens (RFC 7518 §3.2 for HS256). */
export function generateSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`${PREFIX}.${body}`).digest();
}

export function signSession(secret: string, claims: SessionClaims): string {
  const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${PREFIX}.${body}.${mac(secret, body).toString('base64url')}`;
}

/** New claims valid for SESSION_TTL_SECONDS from `now`. */
export function freshClaims(base: Omit<SessionClaims, 'iat' | 'exp'>, now: Date = new Date()): SessionClaims {
  const iat = Math.floor(now.getTime() / 1000);
  return { ...base, iat, exp: iat + SESSION_TTL_SECONDS };
}

export function verifySession(secret: string, token: string, now: Date = new Date()): SessionTokenResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, code: 'session_invalid' };
  const [, body = '', sig = ''] = parts;
  const expected = mac(secret, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'session_invalid' };
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
  } catch {
    return { ok: false, code: 'session_invalid' };
  }
  const parsed = claimsSchema.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'session_invalid' };
  if (parsed.data.exp * 1000 <= now.getTime()) return { ok: false, code: 'session_expired' };
  return { ok: true, claims: parsed.data };
}
