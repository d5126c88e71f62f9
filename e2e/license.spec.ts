import { resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { type RunningAdapter, startAdapter, TRUSTED_FAKE_CAMERA } from './support/adapter.js';
import { openWith, waitForEvent } from './support/demo.js';
import { expect, launchCamera, requireClip, test } from './support/fixtures.js';
import { hostPage } from './support/host.js';

/** The built adapter's licensing module: the same code the `pnpm license` CLI uses. */
interface LicensingModule {
  generateLicenseKeyPair(): { publicKey: string; privateKeyPem: string };
  importLicensePrivateKey(pem: string): unknown;
  issueLicense(
    key: unknown,
    input: { licensee: string; origins: string[]; expires: Date; issued: Date },
  ): { ok: true; value: Record<string, string> } | { ok: false; message: string };
}

const dist = resolve(import.meta.dirname, '..', 'packages', 'adapter', 'dist', 'licensing', 'index.js');
let licensing: LicensingModule;
let keys: { publicKey: string; privateKeyPem: string };
let adapter: RunningAdapter;
let browser: Browser | null = null;
let hostPort: number;

function license(origins: string[], expires = new Date(Date.now() + 86_400_000)) {
  const issued = licensing.issueLicense(licensing.importLicensePrivateKey(keys.privateKeyPem), {
    licensee: 'e2e',
    origins,
    expires,
    issued: new Date(expires.getTime() - 86_400_000),
  });
  if (!issued.ok) throw new Error(issued.message);
  return issued.value;
}

test.beforeAll(async ({ host }) => {
  hostPort = host.port;
  licensing = (await import(dist)) as LicensingModule;
  keys = licensing.generateLicenseKeyPair();
  // The adapter's own licence covers another site only.
  adapter = await startAdapter({
    ...TRUSTED_FAKE_CAMERA,
    OZ_ADAPTER_LICENSE_PUBLIC_KEYS: keys.publicKey,
    OZ_ADAPTER_LICENSE: JSON.stringify(license(['bank.example'])),
  });
});

test.afterAll(async () => {
  await browser?.close();
  await adapter?.stop();
});

/**
 * The host page on a non-exempt host name (shop.test → 127.0.0.1, the host server's port), treated as a
 * secure origin so the camera works; its plugin comes from the adapter on 127.0.0.1.
 */
async function pageOnShopTest(testInfo: Parameters<typeof requireClip>[1]) {
  const clip = requireClip('neutral_frontal', testInfo);
  if (!clip) throw new Error('unreachable');
  const origin = `http://app.shop.test:${hostPort}`;
  browser ??= await launchCamera(clip, [
    '--host-resolver-rules=MAP *.test 127.0.0.1',
    `--unsafely-treat-insecure-origin-as-secure=${origin}`,
  ]);
  const page = await browser.newPage();
  await page.goto(`${origin}${hostPage(adapter.url)}`);
  return page;
}

test('an unlicensed origin: the plugin refuses to capture with license_origin_mismatch', async () => {
  const page = await pageOnShopTest(test.info());
  await openWith(page, { action: ['video_selfie_blank'] });
  const error = (await waitForEvent(page, 'on_error', 20_000)).data as { code: string; retryable: boolean };
  expect(error.code).toBe('license_origin_mismatch');
  expect(error.retryable).toBe(false);
  await expect(page.locator('[data-oz-liveness] [data-error]')).toHaveAttribute(
    'data-error',
    'error_license',
  );
  await page.close();
});

test('open({license}) with a wildcard licence for the page’s domain replaces the adapter’s and the capture runs', async () => {
  const page = await pageOnShopTest(test.info());
  await openWith(page, { action: ['video_selfie_blank'], license: license(['*.shop.test']) });
  await waitForEvent(page, 'on_capture_complete', 40_000);
  await page.close();
});

test('open({licenseUrl}) loads the licence from the page’s server', async () => {
  const page = await pageOnShopTest(test.info());
  await page.route('**/licence.json', (route) => route.fulfill({ json: license(['app.shop.test']) }));
  await openWith(page, { action: ['video_selfie_blank'], licenseUrl: '/licence.json' });
  await waitForEvent(page, 'on_capture_complete', 40_000);
  await page.close();
});

for (const [name, make, code] of [
  ['an expired licence', () => license(['*.shop.test'], new Date(Date.now() - 60_000)), 'license_expired'],
  ['a licence for another site', () => license(['other.example']), 'license_origin_mismatch'],
  [
    'a licence with a forged signature',
    () => ({ ...license(['*.shop.test']), signature: license(['evil.test']).signature }),
    'license_invalid',
  ],
] as const) {
  test(`open({license}) with ${name} is refused: ${code}`, async () => {
    const page = await pageOnShopTest(test.info());
    await openWith(page, { action: ['video_selfie_blank'], license: make() });
    const error = (await waitForEvent(page, 'on_error', 20_000)).data as { code: string };
    expect(error.code).toBe(code);
    await page.close();
  });
}

test('/check_license.php reports the installed licence against the caller’s origin', async () => {
  const res = await fetch(new URL('check_license.php', adapter.url), {
    headers: { origin: 'https://bank.example' },
  });
  expect(res.status).toBe(200);
  const other = await fetch(new URL('check_license.php', adapter.url), {
    headers: { origin: 'https://shop.test' },
  });
  expect(other.status).toBe(403);
  expect(((await other.json()) as { code: string }).code).toBe('license_origin_mismatch');
});
