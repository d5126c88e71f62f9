import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/*
 * The plugin↔adapter session token (docs/protocol.md §1). Stateless on purpose: everything the later
 * calls need travels in the token, so several adapters that share `session_secret` can serve one
 * session. Encrypted and authenticated (AES-256-GCM, key derived from `session_secret` with HKDF): the
 * page holds it but cannot read its claims (meta, the page's API token, the folder id) nor change them.
 * node:crypto's AEAD is used directly rather than a JWE library because it is synchronous, so every
 * route checks a token without an await; the construction is JWE's `dir` + `A256GCM`.
 * Distinct from the container session tokens of @open-liveness/trust (other audience, other secret use).
 */

/** Version prefix: lets a later format be told apart, and keeps this token from passing as a JWT. */
const PREFIX = 'ols2';
const IV_BYTES = 12;
const TAG_BYTES = 16;
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
  /** The page origin a page licence (open({license})) admitted; later calls from it are served. */
  origin: z.string().optional(),
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

const keys = new Map<string, Buffer>();

/** The AES-256 key of a `session_secret` (HKDF-SHA-256, bound to this token format). */
function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, PREFIX, 'open-liveness session token', 32));
    keys.set(secret, key);
  }
  return key;
}

export function signSession(secret: string, claims: SessionClaims): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  cipher.setAAD(Buffer.from(PREFIX));
  const body = Buffer.concat([cipher.update(JSON.stringify(claims), 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [PREFIX, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
}

function open(secret: string, token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const [, ivText = '', bodyText = '', tagText = ''] = parts;
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(PREFIX));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null; // wrong key, or edited
  }
}

/** New claims valid for SESSION_TTL_SECONDS from `now`. */
export function freshClaims(base: Omit<SessionClaims, 'iat' | 'exp'>, now: Date = new Date()): SessionClaims {
  const iat = Math.floor(now.getTime() / 1000);
  return { ...base, iat, exp: iat + SESSION_TTL_SECONDS };
}

export function verifySession(secret: string, token: string, now: Date = new Date()): SessionTokenResult {
  const text = open(secret, token);
  if (text === null) return { ok: false, code: 'session_invalid' };
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, code: 'session_invalid' };
  }
  const parsed = claimsSchema.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'session_invalid' };
  if (parsed.data.exp * 1000 <= now.getTime()) return { ok: false, code: 'session_expired' };
  return { ok: true, claims: parsed.data };
}
