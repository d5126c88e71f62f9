import {
  encodeLicensePayload,
  type LicenseFile,
  type LicensePayload,
  licenseSignedMessage,
  toBase64,
} from '@open-liveness/trust';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FetchLike, loadLicenseFromUrl } from './load.js';
import { verifyLicenseInBrowser } from './verify.js';

let publicKey = '';
let license: LicenseFile;
const now = new Date('2026-06-01T00:00:00Z');

beforeAll(async () => {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const payload: LicensePayload = {
    version: 1,
    id: 'lic-web',
    licensee: 'Shop',
    origins: ['*.shop.example'],
    issued: '2026-01-01T00:00:00Z',
    expires: '2027-01-01T00:00:00Z',
    features: [],
  };
  const payloadB64 = encodeLicensePayload(payload);
  const signature = await crypto.subtle.sign(
    { name: 'Ed25519' },
    pair.privateKey,
    licenseSignedMessage(payloadB64, ''),
  );
  license = { payload_b64: payloadB64, signature: toBase64(new Uint8Array(signature)), enc_public_key: '' };
});

describe('verifyLicenseInBrowser', () => {
  it('verifies with WebCrypto Ed25519 against the page origin', async () => {
    const opts = { publicKeys: [publicKey], now };
    expect(
      (await verifyLicenseInBrowser(license, { ...opts, origin: 'https://www.shop.example' })).code,
    ).toBe('ok');
    expect((await verifyLicenseInBrowser(license, { ...opts, origin: 'https://shop.example' })).code).toBe(
      'license_origin_mismatch',
    );
  });

  it('rejects a license signed by an untrusted key', async () => {
    const other = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
    const otherKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', other.publicKey)));
    const verdict = await verifyLicenseInBrowser(license, {
      publicKeys: [otherKey],
      origin: 'https://www.shop.example',
      now,
    });
    expect(verdict.code).toBe('license_invalid');
  });

  it('with no usable key still exempts localhost and rejects elsewhere', async () => {
    expect(
      (await verifyLicenseInBrowser(undefined, { publicKeys: ['bad'], origin: 'http://localhost:5173' })).ok,
    ).toBe(true);
    const verdict = await verifyLicenseInBrowser(license, {
      publicKeys: [],
      origin: 'https://www.shop.example',
      now,
    });
    expect(verdict).toMatchObject({ code: 'license_invalid', detail: expect.stringContaining('Ed25519') });
  });
});

describe('loadLicenseFromUrl', () => {
  const respond =
    (status: number, body: string): FetchLike =>
    async () => ({ ok: status < 400, status, text: async () => body });

  it('loads JSON without credentials', async () => {
    let seen: unknown;
    const fetchFn: FetchLike = async (_url, init) => {
      seen = init;
      return { ok: true, status: 200, text: async () => JSON.stringify(license) };
    };
    expect(await loadLicenseFromUrl('/license.json', fetchFn)).toEqual({ ok: true, value: license });
    expect(seen).toEqual({ credentials: 'omit', cache: 'no-store' });
  });

  it('maps HTTP errors, network errors and non-JSON to codes', async () => {
    expect(await loadLicenseFromUrl('/x', respond(404, ''))).toMatchObject({ code: 'license_missing' });
    expect(await loadLicenseFromUrl('/x', () => Promise.reject(new Error('offline')))).toMatchObject({
      code: 'license_missing',
    });
    expect(await loadLicenseFromUrl('/x', respond(200, '<html>'))).toMatchObject({
      code: 'license_malformed',
    });
  });
});
