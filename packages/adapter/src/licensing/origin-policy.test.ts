import { describe, expect, it } from 'vitest';
import { issueLicense } from './issue.js';
import { generateLicenseKeyPair, importLicensePrivateKey } from './keys.js';
import { createOriginPolicy } from './origin-policy.js';

const keys = generateLicenseKeyPair();
const key = importLicensePrivateKey(keys.privateKeyPem);
function license(origins: string[], expires = new Date(Date.now() + 86_400_000)) {
  if (key === null) throw new Error('key');
  const issued = issueLicense(key, {
    licensee: 'Shop',
    origins,
    expires,
    issued: new Date(expires.getTime() - 2 * 86_400_000),
  });
  if (!issued.ok) throw new Error(issued.message);
  return issued.value;
}
const settings = (installed: unknown, publicKeys = [keys.publicKey]) => ({
  publicKeys,
  installed,
  masterSignature: undefined,
});

describe('origin policy', () => {
  it('no licence: exempt hosts only; license_missing for the rest', () => {
    const policy = createOriginPolicy({
      license: settings(undefined),
      licenseRequired: true,
      corsOrigins: [],
    });
    expect(policy.judge('http://127.0.0.1:9999')).toEqual({ ok: true, grant: 'exempt' });
    expect(policy.judge('http://localhost')).toEqual({ ok: true, grant: 'exempt' });
    expect(policy.judge('https://shop.example')).toMatchObject({ ok: false, code: 'license_missing' });
    expect(policy.describe()).toMatch(/^no licence installed: pages served only from localhost/);
  });

  it('a licence serves its origins (wildcards as in docs/licensing.md) without listing them in cors.origins', () => {
    const policy = createOriginPolicy({
      license: settings(license(['*.shop.example'])),
      licenseRequired: true,
      corsOrigins: ['https://partner.example'],
    });
    expect(policy.judge('https://a.b.shop.example')).toEqual({ ok: true, grant: 'license' });
    expect(policy.judge('https://partner.example')).toEqual({ ok: true, grant: 'cors' });
    expect(policy.judge('https://shop.example')).toMatchObject({
      ok: false,
      code: 'license_origin_mismatch',
    });
    expect(policy.describe()).toContain('licensed [*.shop.example]');
  });

  it('an unusable licence is refused with its own code', () => {
    const expired = createOriginPolicy({
      license: settings(license(['shop.example'], new Date(Date.now() - 86_400_000))),
      licenseRequired: true,
      corsOrigins: [],
    });
    expect(expired.judge('https://shop.example')).toMatchObject({ ok: false, code: 'license_expired' });
    const unverifiable = createOriginPolicy({
      license: settings(license(['shop.example']), []),
      licenseRequired: true,
      corsOrigins: [],
    });
    expect(unverifiable.judge('https://shop.example')).toMatchObject({ ok: false, code: 'license_invalid' });
  });

  it('license_required: false: exempt hosts and cors.origins, origin_not_allowed otherwise', () => {
    const policy = createOriginPolicy({
      license: settings(undefined),
      licenseRequired: false,
      corsOrigins: ['https://*.shop.example'],
    });
    expect(policy.judge('https://a.shop.example')).toEqual({ ok: true, grant: 'cors' });
    expect(policy.judge('https://evil.example')).toMatchObject({ ok: false, code: 'origin_not_allowed' });
    expect(policy.describe()).toMatch(/^licensing off/);
  });
});
