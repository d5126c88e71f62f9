import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEFAULT_SESSION_TOKEN_TTL_SECONDS, issueSessionToken } from '@open-liveness/trust';

/*
 * Container session tokens (docs/container.md) issued by the adapter itself. The plugin puts only the
 * token id (`jti`) into the container header, and with `api_use_session_token: "client"` the adapter
 * never sees the token otherwise. So the id is made self-authenticating — `<random>.<iat>.<exp>.<mac>`
 * — and the full token is rebuilt from it: issuing is deterministic (fixed header, fixed claim order,
 * HMAC), so the rebuilt token is byte-for-byte the one handed out. This keeps the adapter stateless
 * between session start and upload (several adapters sharing `session_secret` can serve one capture);
 * only the single-use store has state.
 */

const JTI = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/;
const JTI_MAC_CONTEXT = 'open-liveness container token id v1|';
const SECRET_CONTEXT = 'open-liveness container session token v1';

export interface IssuedToken {
  readonly token: string;
  readonly jti: string;
  readonly expiresAt: Date;
}

export interface ContainerTokens {
  /** HMAC secret of the JWTs, for `openContainer({tokenSecret})`. */
  readonly secret: Uint8Array;
  issue(now: Date): Promise<IssuedToken>;
  /** The token behind an id this adapter issued; null for any id it did not issue (or was edited). */
  rebuild(jti: string): Promise<string | null>;
}

/**
 * Derived from `session_secret` rather than configured separately: adapters that can share sessions
 * already share that secret, and derivation keeps the two token formats from sharing one raw key.
 */
export function createContainerTokens(
  sessionSecret: string,
  ttlSeconds: number = DEFAULT_SESSION_TOKEN_TTL_SECONDS,
): ContainerTokens {
  const secret = new Uint8Array(createHmac('sha256', sessionSecret).update(SECRET_CONTEXT).digest());
  const mac = (body: string) =>
    createHmac('sha256', secret)
      .update(JTI_MAC_CONTEXT + body)
      .digest()
      .subarray(0, 16);
  const build = (jti: string, iat: number, exp: number) =>
    issueSessionToken(secret, { jti, now: new Date(iat * 1000), ttlSeconds: exp - iat });

  return {
    secret,
    async issue(now) {
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + ttlSeconds;
      const body = `${randomBytes(16).toString('base64url')}.${iat}.${exp}`;
      const jti = `${body}.${mac(body).toString('base64url')}`;
      const { token } = await build(jti, iat, exp);
      return { token, jti, expiresAt: new Date(exp * 1000) };
    },
    async rebuild(jti) {
      const m = JTI.exec(jti);
      if (m === null) return null;
      const [, random, iatText, expText, given] = m as unknown as [string, string, string, string, string];
      const body = `${random}.${iatText}.${expText}`;
      const givenMac = Buffer.from(given, 'base64url');
      const expected = mac(body);
      if (givenMac.length !== expected.length || !timingSafeEqual(givenMac, expected)) return null;
      const iat = Number(iatText);
      const exp = Number(expText);
      if (exp <= iat) return null;
      return (await build(jti, iat, exp)).token;
    },
  };
}
