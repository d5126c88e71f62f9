import { readSessionTokenId, verifySessionToken } from '@open-liveness/trust';
import { describe, expect, it } from 'vitest';
import { createContainerTokens } from './tokens.js';

const SECRET = 'test-session-secret-long-enough-for-hmac-256';
const t0 = new Date('2026-06-01T12:00:00Z');

describe('container session tokens', () => {
  it('rebuilds exactly the issued token from its id, and it verifies with the derived secret', async () => {
    const tokens = createContainerTokens(SECRET, 300);
    const issued = await tokens.issue(t0);
    expect(readSessionTokenId(issued.token)).toBe(issued.jti);
    expect(await tokens.rebuild(issued.jti)).toBe(issued.token);
    expect(issued.expiresAt.getTime() - t0.getTime()).toBe(300_000);
    const verified = await verifySessionToken(issued.token, tokens.secret, { now: t0 });
    expect(verified).toMatchObject({ ok: true, value: { jti: issued.jti } });
  });

  it('refuses ids it did not issue: edited expiry, other secret, garbage', async () => {
    const tokens = createContainerTokens(SECRET);
    const { jti } = await tokens.issue(t0);
    const [random, iat, exp, mac] = jti.split('.');
    expect(await tokens.rebuild(`${random}.${iat}.${Number(exp) + 9999}.${mac}`)).toBeNull();
    expect(await createContainerTokens(`${SECRET}-other`).rebuild(jti)).toBeNull();
    expect(await tokens.rebuild('not-a-token-id')).toBeNull();
    expect(await tokens.rebuild('')).toBeNull();
  });

  it('derives a secret distinct from the session secret', () => {
    const tokens = createContainerTokens(SECRET);
    expect(Buffer.from(tokens.secret).toString('utf8')).not.toContain(SECRET);
    expect(tokens.secret).toHaveLength(32);
  });
});
