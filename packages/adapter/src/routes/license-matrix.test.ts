import { describe, expect, it } from 'vitest';
import {
  generateLicenseKeyPair,
  importLicensePrivateKey,
  issueLicense,
  signMasterLicense,
} from '../licensing/index.js';
import { startTestAdapter, testConfig } from '../testing/app.js';

const keys = generateLicenseKeyPair();
const key = importLicensePrivateKey(keys.privateKeyPem);
if (key === null) throw new Error('key');
const signingKey = key;

function license(origins: string[], expiresInMs = 86_400_000) {
  const expires = new Date(Date.now() + expiresInMs);
  const issued = issueLicense(signingKey, {
    licensee: 'Matrix',
    origins,
    expires,
    issued: new Date(expires.getTime() - 86_400_000 * 2),
  });
  if (!issued.ok) throw new Error(issued.message);
  return issued.value;
}

/** Session start and /check_license.php for one origin against an adapter with this installed licence. */
async function judge(installed: unknown, origin: string, extra: Record<string, unknown> = {}) {
  const adapter = await startTestAdapter(
    testConfig({ license_public_keys: [keys.publicKey], license: installed, ...extra }),
    undefined,
  );
  try {
    const session = await fetch(`${adapter.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: '{}',
    });
    const check = await fetch(`${adapter.url}/check_license.php`, { headers: { origin } });
    const body = (await check.json()) as { code: string };
    return { session: session.status, check: check.status, code: body.code };
  } finally {
    await adapter.close();
  }
}

describe('licence matrix through the adapter (session start and /check_license.php)', () => {
  const shop = license(['shop.example', '*.brand.example']);

  it('exact origin: allowed', async () => {
    expect(await judge(shop, 'https://shop.example')).toEqual({ session: 200, check: 200, code: 'ok' });
  });
  it('subdomain of a wildcard: allowed; the bare parent domain is not', async () => {
    expect(await judge(shop, 'https://eu.brand.example')).toMatchObject({ session: 200, check: 200 });
    expect(await judge(shop, 'https://brand.example')).toMatchObject({
      session: 403,
      code: 'license_origin_mismatch',
    });
  });
  it('another origin: refused', async () => {
    expect(await judge(shop, 'https://evil.example')).toMatchObject({
      session: 403,
      check: 403,
      code: 'license_origin_mismatch',
    });
  });
  it('expired: refused', async () => {
    expect(await judge(license(['shop.example'], -60_000), 'https://shop.example')).toMatchObject({
      session: 403,
      code: 'license_expired',
    });
  });
  it('bad signature: refused', async () => {
    const forged = { ...shop, signature: license(['evil.example']).signature };
    expect(await judge(forged, 'https://shop.example')).toMatchObject({
      session: 403,
      code: 'license_invalid',
    });
  });
  it('localhost and 127.0.0.1 are exempt', async () => {
    expect(await judge(shop, 'http://localhost:3000')).toMatchObject({ session: 200 });
    expect(await judge(shop, 'http://127.0.0.1:8080')).toMatchObject({ session: 200 });
  });
  it('a master signature opens any origin for its own licence only', async () => {
    const master = signMasterLicense(signingKey, shop);
    expect(await judge(shop, 'https://anywhere.example', { master_license_signature: master })).toMatchObject(
      {
        session: 200,
        check: 200,
      },
    );
    const other = license(['shop.example']);
    expect(
      await judge(other, 'https://anywhere.example', { master_license_signature: master }),
    ).toMatchObject({
      session: 403,
    });
  });
});
