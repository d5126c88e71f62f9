import { type Bytes, equalBytes, fromBase64Url, fromUtf8, toBase64Url, utf8 } from '../bytes.js';
import { isRecord, parseJson } from '../json.js';
import { err, ok, type Result } from '../result.js';
import type { TokenCode } from './codes.js';
import type { UsedTokenStore } from './used-store.js';

/**
 * Short-lived, single-use session tokens that bind one capture to one sealed container.
 *
 * They are compact HS256 JWTs so that standard tooling can inspect them, but only this module issues
 * and accepts them: the header is fixed and anything else is rejected (no `alg` negotiation).
 */
export interface SessionTokenClaims {
  /** Token id; goes into the container's authenticated header and is consumed on first open. */
  readonly jti: string;
  /** Issued-at and expiry, in seconds since the epoch (JWT convention). */
  readonly iat: number;
  readonly exp: number;
  readonly aud: typeof SESSION_TOKEN_AUDIENCE;
  /** Optional caller-defined session id (e.g. the telemetry event_session_id). */
  readonly sid?: string;
}

export const SESSION_TOKEN_AUDIENCE = 'open-liveness:container';
export const DEFAULT_SESSION_TOKEN_TTL_SECONDS = 300;
export const MIN_TOKEN_SECRET_BYTES = 32;

const HEADER_B64 = toBase64Url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

/** Explains why a configured secret is unusable, or null when it is fine. */
export function tokenSecretProblem(secret: string | Uint8Array): string | null {
  const length = typeof secret === 'string' ? utf8(secret).length : secret.length;
  return length < MIN_TOKEN_SECRET_BYTES
    ? `token secret must be at least ${MIN_TOKEN_SECRET_BYTES} bytes`
    : null;
}

async function hmacKey(secret: string | Uint8Array) {
  const problem = tokenSecretProblem(secret);
  // A short secret is a deployment mistake to catch at start-up, not a per-request condition.
  if (problem !== null) throw new RangeError(problem);
  const raw = typeof secret === 'string' ? utf8(secret) : new Uint8Array(secret);
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function mac(secret: string | Uint8Array, signingInput: string): Promise<Bytes> {
  const key = await hmacKey(secret);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(signingInput)));
}

export function randomTokenId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

export interface IssueSessionTokenOptions {
  readonly ttlSeconds?: number;
  readonly now?: Date;
  readonly jti?: string;
  readonly sid?: string;
}

export async function issueSessionToken(
  secret: string | Uint8Array,
  options: IssueSessionTokenOptions = {},
): Promise<{ token: string; claims: SessionTokenClaims }> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims: SessionTokenClaims = {
    jti: options.jti ?? randomTokenId(),
    iat,
    exp: iat + (options.ttlSeconds ?? DEFAULT_SESSION_TOKEN_TTL_SECONDS),
    aud: SESSION_TOKEN_AUDIENCE,
    ...(options.sid === undefined ? {} : { sid: options.sid }),
  };
  const signingInput = `${HEADER_B64}.${toBase64Url(utf8(JSON.stringify(claims)))}`;
  return { token: `${signingInput}.${toBase64Url(await mac(secret, signingInput))}`, claims };
}

function parseClaims(payloadB64: string): SessionTokenClaims | null {
  const bytes = fromBase64Url(payloadB64);
  const text = bytes === null ? null : fromUtf8(bytes);
  const value = text === null ? undefined : parseJson(text);
  if (!isRecord(value)) return null;
  const { jti, iat, exp, aud, sid } = value;
  if (typeof jti !== 'string' || jti === '' || jti.length > 256) return null;
  if (typeof iat !== 'number' || typeof exp !== 'number' || aud !== SESSION_TOKEN_AUDIENCE) return null;
  if (sid !== undefined && typeof sid !== 'string') return null;
  return { jti, iat, exp, aud, ...(sid === undefined ? {} : { sid }) };
}

/**
 * Reads the token id WITHOUT verifying anything. For the plugin, which must put the id into the
 * container header but never holds the secret; the adapter verifies when it opens the container.
 */
export function readSessionTokenId(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return null;
  return parseClaims(parts[1])?.jti ?? null;
}

export interface VerifySessionTokenOptions {
  readonly now?: Date;
  /** Allowance for clock differences between token issuer and verifier; default 30 s. */
  readonly clockSkewMs?: number;
}

/** Checks format, signature and expiry. Does not consume the token. */
export async function verifySessionToken(
  token: string,
  secret: string | Uint8Array,
  options: VerifySessionTokenOptions = {},
): Promise<Result<SessionTokenClaims, Exclude<TokenCode, 'token_used'>>> {
  const parts = token.split('.');
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || header !== HEADER_B64 || payload === undefined || signature === undefined) {
    return err('token_malformed', 'not a session token of this service');
  }
  const claims = parseClaims(payload);
  const given = fromBase64Url(signature);
  if (claims === null || given === null) return err('token_malformed', 'unreadable claims or signature');
  if (!equalBytes(given, await mac(secret, `${header}.${payload}`))) {
    return err('token_invalid', 'signature mismatch');
  }
  const nowMs = (options.now ?? new Date()).getTime();
  if (nowMs - (options.clockSkewMs ?? 30_000) >= claims.exp * 1000) {
    return err('token_expired', `expired at ${new Date(claims.exp * 1000).toISOString()}`);
  }
  return ok(claims);
}

/** Verifies and marks the token used in one step; a second call for the same token gets `token_used`. */
export async function consumeSessionToken(
  token: string,
  secret: string | Uint8Array,
  store: UsedTokenStore,
  options: VerifySessionTokenOptions = {},
): Promise<Result<SessionTokenClaims, TokenCode>> {
  const verified = await verifySessionToken(token, secret, options);
  if (!verified.ok) return verified;
  const first = await store.consume(verified.value.jti, verified.value.exp * 1000);
  return first ? verified : err('token_used', 'token already used');
}
