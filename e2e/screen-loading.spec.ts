import { openDemo, openWith } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { dialog, expectNoAxeViolations, expectScreen, screenIs } from './support/screens.js';

test.use({ clip: 'neutral_frontal' });

test('loading: a status first, then progress and a reassurance when the session is slow to start', async ({
  page,
}) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route('**/api/v1/sessions', async (route) => {
    await held;
    await route.continue();
  });
  await openDemo(page);
  await openWith(page, { action: ['video_selfie_blank'] });
  await screenIs(page, 'loading');
  await expect(dialog(page).locator('[data-status="loading_resources"]')).toBeVisible();
  // After the slow threshold (4 s) an indeterminate progress bar and a reassurance appear.
  await expect(dialog(page).locator('progress.ol-progress-slow')).toBeVisible({ timeout: 8_000 });
  await expectScreen(page, 'loading-slow', ['[data-oz-liveness] progress.ol-progress-slow']);
  await expectNoAxeViolations(page);
  release();
  await screenIs(page, 'capture');
});

test('loading: a real percentage of the model files while they are slow to arrive', async ({ page }) => {
  test.setTimeout(90_000);
  await openDemo(page);
  // A slow connection (2 MB/s): the 17 MB of wasm runtime and face model take several seconds.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 2 * 1024 * 1024,
    uploadThroughput: 50 * 1024 * 1024,
  });
  await openWith(page, { action: ['video_selfie_blank'] });
  const percent = dialog(page).locator('.ol-status .ol-percent[data-percent]');
  await expect(percent).toBeVisible({ timeout: 20_000 });
  const bar = dialog(page).locator('progress.ol-progress-slow');
  const read = async () => Number(await percent.getAttribute('data-percent'));
  // The number shown and its attribute, read in one go: the download keeps moving them between two reads.
  const shown = await percent.evaluate((el) => ({
    value: el.getAttribute('data-percent'),
    text: el.textContent,
  }));
  const first = Number(shown.value);
  expect(first).toBeGreaterThanOrEqual(0);
  expect(first).toBeLessThan(100);
  expect(shown.text).toBe(`${first}%`);
  // The bar carries the same value for assistive technology.
  expect(Number(await bar.getAttribute('value'))).toBeGreaterThanOrEqual(first);
  await expectScreen(page, 'loading-percent', [
    '[data-oz-liveness] .ol-percent',
    '[data-oz-liveness] progress.ol-progress-slow',
  ]);
  await expectNoAxeViolations(page);
  // It moves with the bytes, and the capture starts once the model is in.
  await expect.poll(read, { timeout: 30_000 }).toBeGreaterThan(first);
  await screenIs(page, 'capture', 60_000);
});

test('prefers-reduced-motion: the spinner and every other animation stand still', async ({ page }) => {
  await page.route('**/api/v1/sessions', () => undefined); // never answered: the loading screen stays
  await openDemo(page);
  const spinner = dialog(page).locator('.ol-spinner');
  const animation = () => spinner.evaluate((el) => getComputedStyle(el).animationName);
  await openWith(page, { action: ['video_selfie_blank'] });
  await screenIs(page, 'loading');
  expect(await animation()).toBe('ol-spin');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(animation).toBe('none');
  const moving = await dialog(page).evaluate(
    (root) =>
      [root, ...Array.from(root.querySelectorAll('*'))].filter((el) => {
        const cs = getComputedStyle(el);
        const still = (v: string) => v.split(',').every((d) => Number.parseFloat(d) === 0);
        return cs.animationName !== 'none' || !still(cs.transitionDuration);
      }).length,
  );
  expect(moving).toBe(0);
});
