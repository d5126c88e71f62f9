import { beforeAll, describe, expect, it } from 'vitest';
import { makeIssuer } from '../testing/ed25519.js';
import { checkLicense } from './verdict.js';

const now = new Date('2026-06-01T00:00:00Z');
let issuer: Awaited<ReturnType<typeof makeIssuer>>;
beforeAll(async () => {
  issuer = await makeIssuer();
});

const check = (
  license: unknown,
  origin: string | null,
  extra: { masterSignature?: string; now?: Date } = {},
) => checkLicense(license, { origin, verify: issuer.verify, now, ...extra });

describe('checkLicense (shared rules)', () => {
  it('accepts an exact and a wildcard origin', async () => {
    const license = await issuer.issue();
    const exact = await check(license, 'https://example.com');
    expect(exact).toMatchObject({ ok: true, code: 'ok', host: 'example.com', master: false, exempt: false });
    expect(exact.license?.licensee).toBe('Example Bank');
    expect((await check(license, 'https://pay.example.com:8443')).code).toBe('ok');
  });

  it('rejects another origin and a missing origin', async () => {
    const license = await issuer.issue();
    expect((await check(license, 'https://example.net')).code).toBe('license_origin_mismatch');
    expect((await check(license, null)).code).toBe('license_origin_mismatch');
  });

  it('rejects an expired license and one from the future', async () => {
    expect(
      (await check(await issuer.issue({ expires: '2026-05-31T23:59:59Z' }), 'https://example.com')).code,
    ).toBe('license_expired');
    expect(
      (await check(await issuer.issue({ issued: '2026-07-01T00:00:00Z' }), 'https://example.com')).code,
    ).toBe('license_not_yet_valid');
  });

  it('rejects a bad signature and never echoes the unverified payload', async () => {
    const license = await issuer.issue();
    const other = await issuer.issue({ origins: ['evil.com'] });
    const forged = { ...license, payload_b64: other.payload_b64 };
    const verdict = await check(forged, 'https://evil.com');
    expect(verdict).toMatchObject({ ok: false, code: 'license_invalid', license: null });
  });

  it('binds enc_public_key into the signature', async () => {
    const license = await issuer.issue({}, 'AAAA');
    expect((await check({ ...license, enc_public_key: 'BBBB' }, 'https://example.com')).code).toBe(
      'license_invalid',
    );
  });

  it('reports missing and malformed licenses', async () => {
    expect((await check(undefined, 'https://example.com')).code).toBe('license_missing');
    expect((await check({ payload_b64: 'x' }, 'https://example.com')).code).toBe('license_malformed');
    expect((await check('{not json', 'https://example.com')).code).toBe('license_malformed');
  });

  it('exempts localhost, 127.0.0.1 and [::1] even without a license', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000']) {
      expect(await check(undefined, origin)).toMatchObject({ ok: true, code: 'ok', exempt: true });
    }
  });

  it('a master signature lifts the origin binding but not the expiry', async () => {
    const license = await issuer.issue();
    const masterSignature = await issuer.master(license);
    expect(await check(license, 'https://anything.test', { masterSignature })).toMatchObject({
      ok: true,
      master: true,
    });
    expect(
      (await check(license, 'https://anything.test', { masterSignature, now: new Date('2028-01-01') })).code,
    ).toBe('license_expired');
  });

  it('a master signature is bound to one license and distinct from the license signature', async () => {
    const license = await issuer.issue();
    const other = await issuer.issue({ id: 'lic-2' });
    const masterOfOther = await issuer.master(other);
    expect((await check(license, 'https://example.com', { masterSignature: masterOfOther })).code).toBe(
      'license_master_invalid',
    );
    expect((await check(license, 'https://example.com', { masterSignature: license.signature })).code).toBe(
      'license_master_invalid',
    );
    expect((await check(license, 'https://example.com', { masterSignature: 'not base64!' })).code).toBe(
      'license_master_invalid',
    );
  });
});
