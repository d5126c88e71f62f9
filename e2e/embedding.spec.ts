import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startAdapter, TRUSTED_FAKE_CAMERA } from './support/adapter.js';
import { demoEvents, openWith, waitForEvent } from './support/demo.js';
import { adapterURL } from './support/env.js';
import { expect, launchCamera, requireClip, test } from './support/fixtures.js';
import { hostPage } from './support/host.js';

// Embedding from any page: host pages on other origins than the adapter's, refused readably, never degraded.

/** Counts getUserMedia calls, so a test can prove the camera was never opened. */
async function countCameraCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cameraCalls: number };
    w.cameraCalls = 0;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (constraints) => {
      w.cameraCalls += 1;
      return original(constraints);
    };
  });
}
const cameraCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { cameraCalls: number }).cameraCalls);

/** The repo's licence CLI (`pnpm license`), as an operator runs it. */
const cli = resolve(import.meta.dirname, '..', 'packages', 'adapter', 'dist', 'licensing', 'cli.js');
function licenseFor(origin: string): { publicKey: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-license-'));
  const publicKey = execFileSync(process.execPath, [cli, 'keygen', '--out', join(dir, 'signing')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const file = join(dir, 'license.json');
  execFileSync(
    process.execPath,
    [
      cli,
      'issue',
      '--key',
      join(dir, 'signing.pem'),
      '--licensee',
      'e2e shop',
      '--origin',
      origin,
      '--expires',
      '+1',
      '--out',
      file,
    ],
    { stdio: 'ignore' },
  );
  return { publicKey, file };
}

test.describe('a named non-local host (shop.test)', () => {
  let browser: Browser | null = null;
  let origin = '';
  test.beforeAll(async ({ host }, testInfo) => {
    const clip = requireClip('neutral_frontal', testInfo);
    if (!clip) return;
    origin = `http://shop.test:${host.port}`;
    browser = await launchCamera(clip, [
      '--host-resolver-rules=MAP shop.test 127.0.0.1',
      `--unsafely-treat-insecure-origin-as-secure=${origin}`,
    ]);
  });
  test.afterAll(async () => {
    await browser?.close();
  });

  test('without a licence: refused with license_missing, shown, and the camera never opened', async () => {
    if (!browser) throw new Error('no browser');
    const page = await browser.newPage();
    await countCameraCalls(page);
    await page.goto(`${origin}${hostPage()}`);
    await openWith(page, { action: ['video_selfie_blank'] });
    const error = (await waitForEvent(page, 'on_error', 20_000)).data as { code: string; retryable: boolean };
    expect(error.code).toBe('license_missing');
    expect(error.retryable).toBe(false);
    await expect(page.locator('[data-oz-liveness] [data-error]')).toHaveAttribute(
      'data-error',
      'error_license',
    );
    expect(await cameraCalls(page)).toBe(0);
    expect((await demoEvents(page)).map((e) => e.name)).not.toContain('on_capture_complete');
    await page.close();
  });

  test('with a licence for shop.test made by pnpm license: the normal flow completes, no token in the log', async () => {
    test.setTimeout(120_000);
    if (!browser) throw new Error('no browser');
    const license = licenseFor('shop.test');
    expect(JSON.parse(readFileSync(license.file, 'utf8'))).toHaveProperty('signature');
    const adapter = await startAdapter({
      ...TRUSTED_FAKE_CAMERA,
      OZ_ADAPTER_LICENSE_PUBLIC_KEYS: license.publicKey,
      OZ_ADAPTER_LICENSE_FILE: license.file,
      OZ_ADAPTER_RESULT_MODE: 'status',
    });
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}${hostPage(adapter.url)}`);
      const sessionAnswer = page.waitForResponse((r) => r.url() === `${adapter.url}api/v1/sessions`);
      await openWith(page, { action: ['video_selfie_blank'] });
      const session = ((await (await sessionAnswer).json()) as { session: string }).session;
      expect(session.length).toBeGreaterThan(40);
      const complete = (await waitForEvent(page, 'on_complete', 90_000)).data as { state: string };
      expect(complete.state).toBe('finished');
      const log = adapter.logs.join('');
      expect(log).toContain('licensed [shop.test]');
      expect(log).toContain('/api/v1/sessions/:session/media');
      expect(log).not.toContain(session);
      expect(log).not.toContain(session.split('.')[2] ?? session);
    } finally {
      await page.close();
      await adapter.stop(test.info().outputPath('adapter.log'));
    }
  });
});

test('a session request that fails at the network level: on_error adapter_unreachable, nothing captured', async ({
  page,
}) => {
  await countCameraCalls(page);
  await page.route(`${adapterURL}api/v1/sessions`, (route) => route.abort('failed'));
  await page.goto(hostPage());
  await openWith(page, { action: ['video_selfie_blank'] });
  const error = (await waitForEvent(page, 'on_error', 20_000)).data as { code: string; retryable: boolean };
  expect(error.code).toBe('adapter_unreachable');
  expect(error.retryable).toBe(true);
  await expect(page.locator('[data-oz-liveness] [data-error]')).toHaveAttribute(
    'data-error',
    'error_connection_lost',
  );
  const names = (await demoEvents(page)).map((e) => e.name);
  expect(names).not.toContain('on_capture_complete');
  expect(names).not.toContain('on_close');
  expect(await cameraCalls(page)).toBe(0);
});

test('the licensing-exempt page on another port of 127.0.0.1: the normal flow completes with the default configuration', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const adapter = await startAdapter({});
  try {
    expect(new URL(baseURL ?? '').origin).not.toBe(new URL(adapter.url).origin);
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['video_selfie_blank'] });
    // Strict defaults decline Chromium's fake camera, but the flow itself runs to its verdict.
    expect(((await waitForEvent(page, 'on_complete', 90_000)).data as { state: string }).state).toBe(
      'finished',
    );
    expect(adapter.logs.join('')).toContain(
      'no licence installed: pages served only from localhost, 127.0.0.1',
    );
  } finally {
    await adapter.stop(test.info().outputPath('adapter.log'));
  }
});

test('a cross-origin isolated host page (COEP require-corp) under a strict CSP still captures', async ({
  page,
}) => {
  const adapter = new URL(adapterURL).origin;
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${adapter}`,
    "worker-src 'self' blob:",
    `connect-src 'self' ${adapter}`,
    "img-src 'self' data:",
    "style-src 'self'",
  ].join('; ');
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) violations.push(msg.text());
  });
  await page.goto(hostPage(adapterURL, { isolated: true, csp }));
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await openWith(page, { action: ['video_selfie_blank'] });
  await waitForEvent(page, 'on_capture_complete', 40_000);
  // The plugin's own styles apply (a constructed stylesheet, not a blocked <style>).
  await expect(page.locator('[data-oz-liveness] .ol-overlay')).toHaveCSS('position', 'fixed');
  expect(violations).toEqual([]);
});
