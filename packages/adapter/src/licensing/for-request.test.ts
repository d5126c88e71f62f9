import { describe, expect, it } from 'vitest';
import { sessionLicense } from './for-request.js';
import { issueLicense } from './issue.js';
import { generateLicenseKeyPair, importLicensePrivateKey } from './keys.js';

const keys = generateLicenseKeyPair();
const privateKey = importLicensePrivateKey(keys.privateKeyPem);

function licenseFor(origins: string[]) {
  if (!privateKey) throw new Error('key');
  const issued = issueLicense(privateKey, { licensee: 't', origins, expires: new Date(Date.now() + 60_000) });
  if (!issued.ok) throw new Error(issued.message);
  return issued.value;
}

const settings = {
  publicKeys: [keys.publicKey],
  installed: licenseFor(['bank.example']),
  masterSignature: undefined,
};

describe('sessionLicense', () => {
  it('judges the installed licence when the page brings none', () => {
    expect(sessionLicense(settings, 'https://bank.example', undefined).verdict.ok).toBe(true);
    expect(sessionLicense(settings, 'https://shop.example', undefined).verdict.code).toBe(
      'license_origin_mismatch',
    );
  });
  it('lets a page licence replace the installed one, but only a genuinely signed one', () => {
    expect(sessionLicense(settings, 'https://shop.example', licenseFor(['shop.example'])).verdict.ok).toBe(
      true,
    );
    const forged = { ...licenseFor(['shop.example']), signature: licenseFor(['x.example']).signature };
    expect(sessionLicense(settings, 'https://shop.example', forged).verdict.code).toBe('license_invalid');
  });
  it('is not enforced without trusted keys', () => {
    expect(sessionLicense({ ...settings, publicKeys: [] }, 'https://shop.example', undefined).enforced).toBe(
      false,
    );
  });
});
