import { checkLicense, fromBase64, type LicenseFile } from '@open-liveness/trust';
import { describe, expect, it } from 'vitest';
import { checkLicenseResponse } from './check-response.js';
import { issueLicense, signMasterLicense } from './issue.js';
import { generateLicenseKeyPair, importLicensePrivateKey, importLicensePublicKey } from './keys.js';
import { verifyLicense } from './verify.js';

const keys = generateLicenseKeyPair();
const privateKey = importLicensePrivateKey(keys.privateKeyPem);
if (privateKey === null) throw new Error('test key did not import');
const now = new Date('2026-06-01T00:00:00Z');

function issue(overrides: Partial<Parameters<typeof issueLicense>[1]> = {}): LicenseFile {
  const result = issueLicense(privateKey as NonNullable<typeof privateKey>, {
    licensee: 'Example Bank',
    origins: ['bank.example', '*.bank.example'],
    issued: new Date('2026-01-01T00:00:00Z'),
    expires: new Date('2027-01-01T00:00:00Z'),
    features: ['sealed_container'],
    ...overrides,
  });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const verify = (license: unknown, origin: string | null, masterSignature?: string, at = now) =>
  verifyLicense(license, {
    publicKeys: [keys.publicKey],
    origin,
    now: at,
    masterSignature: masterSignature ?? null,
  });

describe('license matrix (node:crypto)', () => {
  const license = issue();
  it.each([
    ['exact origin', 'https://bank.example', 'ok'],
    ['subdomain wildcard', 'https://app.bank.example:8443', 'ok'],
    ['nested subdomain', 'http://a.b.bank.example', 'ok'],
    ['other origin', 'https://evil.example', 'license_origin_mismatch'],
    ['suffix look-alike', 'https://notbank.example', 'license_origin_mismatch'],
    ['localhost', 'http://localhost:3000', 'ok'],
    ['127.0.0.1', 'http://127.0.0.1', 'ok'],
    ['[::1]', 'http://[::1]:8080', 'ok'],
  ])('%s', (_name, origin, code) => {
    expect(verify(license, origin).code).toBe(code);
  });

  it('expired', () => {
    expect(verify(license, 'https://bank.example', undefined, new Date('2027-01-01T00:00:00Z')).code).toBe(
      'license_expired',
    );
  });

  it('bad signature (payload edited, signature flipped, unknown key)', () => {
    const payload = JSON.parse(atob(license.payload_b64)) as Record<string, unknown>;
    const widened = {
      ...license,
      payload_b64: btoa(JSON.stringify({ ...payload, origins: ['*.evil.example'] })),
    };
    expect(verify(widened, 'https://x.evil.example').code).toBe('license_invalid');
    const sig = fromBase64(license.signature) ?? new Uint8Array();
    sig[0] = (sig[0] ?? 0) ^ 1;
    expect(
      verify({ ...license, signature: btoa(String.fromCharCode(...sig)) }, 'https://bank.example').code,
    ).toBe('license_invalid');
    const stranger = generateLicenseKeyPair();
    expect(
      verifyLicense(license, { publicKeys: [stranger.publicKey], origin: 'https://bank.example', now }).code,
    ).toBe('license_invalid');
  });

  it('accepts any of several trusted keys (rotation)', () => {
    const old = generateLicenseKeyPair();
    expect(
      verifyLicense(license, {
        publicKeys: [old.publicKey, 'garbage', keys.publicKey],
        origin: 'https://bank.example',
        now,
      }).code,
    ).toBe('ok');
  });

  it('master license: any origin with a valid master signature; bound to its license', () => {
    const master = signMasterLicense(privateKey as NonNullable<typeof privateKey>, license);
    expect(verify(license, 'https://anything.example', master)).toMatchObject({ ok: true, master: true });
    expect(verify(license, 'https://anything.example', master, new Date('2028-01-01')).code).toBe(
      'license_expired',
    );
    expect(verify(issue({ id: 'other' }), 'https://bank.example', master).code).toBe(
      'license_master_invalid',
    );
  });

  it('refuses to issue nonsense', () => {
    const base = { licensee: 'X', origins: ['a.example'], expires: new Date('2027-01-01') };
    const key = privateKey as NonNullable<typeof privateKey>;
    expect(issueLicense(key, { ...base, origins: ['*'] })).toMatchObject({
      ok: false,
      code: 'license_malformed',
    });
    expect(issueLicense(key, { ...base, issued: new Date('2028-01-01') })).toMatchObject({ ok: false });
  });

  it('is verifiable by the WebCrypto path the plugin uses', async () => {
    const key = await crypto.subtle.importKey(
      'raw',
      fromBase64(keys.publicKey) ?? new Uint8Array(),
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    const verdict = await checkLicense(license, {
      origin: 'https://bank.example',
      now,
      verify: (message, signature) => crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message),
    });
    expect(verdict.code).toBe('ok');
  });

  it('shapes /check_license.php responses', () => {
    expect(checkLicenseResponse(verify(license, 'https://bank.example')).status).toBe(200);
    expect(checkLicenseResponse(verify(license, 'https://evil.example')).status).toBe(403);
    const missing = checkLicenseResponse(verify(undefined, 'https://bank.example'));
    expect(missing).toMatchObject({
      status: 503,
      body: { ok: false, code: 'license_missing', license: null },
    });
    expect(JSON.parse(JSON.stringify(missing.body))).toEqual(missing.body);
  });

  it('imports only well-formed keys', () => {
    expect(importLicensePublicKey(keys.publicKey)).not.toBeNull();
    expect(importLicensePublicKey('AAAA')).toBeNull();
    expect(
      importLicensePrivateKey('-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----'),
    ).toBeNull();
  });
});
