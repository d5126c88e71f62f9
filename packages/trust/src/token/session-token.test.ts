import { describe, expect, it } from 'vitest';
import {
  consumeSessionToken,
  issueSessionToken,
  readSessionTokenId,
  tokenSecretProblem,
  verifySessionToken,
} from './session-token.js';
import { MemoryUsedTokenStore } from './used-store.js';

const secret = 'a-test-secret-that-is-long-enough-32b';
const t0 = new Date('2026-06-01T12:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('session tokens', () => {
  it('round-trips claims and exposes the id without the secret', async () => {
    const { token, claims } = await issueSessionToken(secret, { now: t0, ttlSeconds: 120, sid: 'evt-1' });
    expect(token.split('.')).toHaveLength(3);
    expect(readSessionTokenId(token)).toBe(claims.jti);
    const verified = await verifySessionToken(token, secret, { now: later(60_000) });
    expect(verified).toEqual({ ok: true, value: claims });
    expect(claims).toMatchObject({ exp: claims.iat + 120, sid: 'evt-1', aud: 'open-liveness:container' });
  });

  it('rejects expiry (after the skew allowance), a wrong secret and edits', async () => {
    const { token } = await issueSessionToken(secret, { now: t0, ttlSeconds: 60 });
    expect((await verifySessionToken(token, secret, { now: later(60_000 + 29_000) })).ok).toBe(true);
    expect(await verifySessionToken(token, secret, { now: later(60_000 + 31_000) })).toMatchObject({
      code: 'token_expired',
    });
    expect(await verifySessionToken(token, `${secret}x`, { now: t0 })).toMatchObject({
      code: 'token_invalid',
    });
    const [h, p, s] = token.split('.');
    const other = await issueSessionToken(secret, { now: t0, ttlSeconds: 9999 });
    const spliced = `${h}.${other.token.split('.')[1]}.${s}`;
    expect(await verifySessionToken(spliced, secret, { now: t0 })).toMatchObject({ code: 'token_invalid' });
    expect(await verifySessionToken(`${h}.${p}`, secret)).toMatchObject({ code: 'token_malformed' });
    const noneAlg = `${btoa('{"alg":"none"}').replace(/=/g, '')}.${p}.`;
    expect(await verifySessionToken(noneAlg, secret)).toMatchObject({ code: 'token_malformed' });
  });

  it('is single use through the store', async () => {
    const store = new MemoryUsedTokenStore({ now: () => t0.getTime() });
    const { token } = await issueSessionToken(secret, { now: t0 });
    expect((await consumeSessionToken(token, secret, store, { now: t0 })).ok).toBe(true);
    expect(await consumeSessionToken(token, secret, store, { now: t0 })).toMatchObject({
      code: 'token_used',
    });
  });

  it('forgets used ids once they could no longer verify anyway', async () => {
    let clock = t0.getTime();
    const store = new MemoryUsedTokenStore({ now: () => clock, graceMs: 1000 });
    await store.consume('a', clock + 5000);
    expect(store.size).toBe(1);
    clock += 7000;
    await store.consume('b', clock + 5000);
    expect(store.size).toBe(1);
  });

  it('refuses short secrets loudly', async () => {
    expect(tokenSecretProblem('short')).not.toBeNull();
    await expect(issueSessionToken('short')).rejects.toThrow(RangeError);
  });
});
