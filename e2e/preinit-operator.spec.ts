import type { Request } from '@playwright/test';
import { startAdapter, TRUSTED_FAKE_CAMERA } from './support/adapter.js';
import { hint, openWith } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { hostPage } from './support/host.js';

test.use({ clip: 'neutral_frontal' });

const isModel = (r: Request) => r.url().endsWith('/assets/models/face_landmarker.task');
const isWorker = (r: Request) => r.url().endsWith('/plugin/vision_worker.js');

test('preinit: off loads nothing before open(); full warms the worker and the model before open()', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const off = await startAdapter({ ...TRUSTED_FAKE_CAMERA });
  const full = await startAdapter({ ...TRUSTED_FAKE_CAMERA, OZ_ADAPTER_PREINIT: 'full' });
  try {
    // One vision worker below 4 cores (visionPoolSize): the page reports 2, as this machine does, so the
    // default single worker is tested on any CI machine and nothing may follow open().
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 2, configurable: true }),
    );
    const seen: string[] = [];
    page.context().on('request', (r) => seen.push(r.url()));
    await page.goto(hostPage(off.url));
    await page.waitForFunction(() => typeof (window as { OzLiveness?: unknown }).OzLiveness === 'object');
    await page.waitForTimeout(1500);
    expect(seen.filter((u) => u.includes('/assets/') || u.includes('vision_worker'))).toEqual([]);

    const model = page.context().waitForEvent('request', { predicate: isModel, timeout: 20_000 });
    const worker = page.context().waitForEvent('request', { predicate: isWorker, timeout: 20_000 });
    await page.goto(hostPage(full.url));
    // Both arrive with nobody having called open().
    await Promise.all([model, worker]);
    const before = seen.length;
    await openWith(page, { action: ['video_selfie_blank'] });
    await expect(hint(page)).toBeVisible({ timeout: 30_000 });
    // The session adopted the warm worker: open() fetched neither the worker nor the model again.
    expect(
      seen.slice(before).filter((u) => u.includes('face_landmarker.task') || u.includes('vision_worker')),
    ).toEqual([]);
  } finally {
    await off.stop(test.info().outputPath('adapter-off.log'));
    await full.stop(test.info().outputPath('adapter-full.log'));
  }
});

test('use_for_liveness: on desktop no mirror and no oval animation, and cameraFacingMode is ignored', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const adapter = await startAdapter({ ...TRUSTED_FAKE_CAMERA, OZ_ADAPTER_USE_FOR_LIVENESS: 'true' });
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { askedFor: unknown[] };
      w.askedFor = [];
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (c) => {
        w.askedFor.push(c?.video);
        return original(c);
      };
    });
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['video_selfie_blank'], cameraFacingMode: 'environment' });
    const stage = page.locator('[data-oz-liveness] .ol-stage');
    await expect(stage).toHaveAttribute('data-mirror', 'false', { timeout: 30_000 });
    await expect(stage).toHaveAttribute('data-oval-animation', 'false');
    const video = page.locator('[data-oz-liveness] .ol-stage video');
    expect(await video.evaluate((v) => getComputedStyle(v).transform)).toBe('none');
    expect(
      await page
        .locator('[data-oz-liveness] .ol-oval')
        .evaluate((o) => getComputedStyle(o).transitionDuration),
    ).toBe('0s');
    const asked = await page.evaluate(() => (window as unknown as { askedFor: unknown[] }).askedFor);
    expect(asked).toEqual([expect.objectContaining({ facingMode: 'user' })]);
    await page.screenshot({ path: testInfo.outputPath('operator-desktop.png') });
  } finally {
    await adapter.stop(test.info().outputPath('adapter.log'));
  }
});

test('use_for_liveness on a phone: the rear camera', async ({ cameraBrowser, host }) => {
  test.setTimeout(90_000);
  const adapter = await startAdapter({ ...TRUSTED_FAKE_CAMERA, OZ_ADAPTER_USE_FOR_LIVENESS: 'true' });
  const context = await cameraBrowser.newContext({
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { askedFor: unknown[] };
      w.askedFor = [];
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (c) => {
        w.askedFor.push(c?.video);
        return original(c);
      };
    });
    await page.goto(new URL(hostPage(adapter.url), host.url).href);
    await openWith(page, { action: ['video_selfie_blank'], cameraFacingMode: 'user' });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { askedFor: unknown[] }).askedFor), {
        timeout: 30_000,
      })
      .toEqual([expect.objectContaining({ facingMode: 'environment' })]);
    const stage = page.locator('[data-oz-liveness] .ol-stage');
    await expect(stage).toHaveAttribute('data-mirror', 'false', { timeout: 30_000 });
  } finally {
    await context.close();
    await adapter.stop(test.info().outputPath('adapter.log'));
  }
});
