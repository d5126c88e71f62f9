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
