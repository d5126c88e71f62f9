import { demoEvents, openDemo, openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { dialog, expectNoAxeViolations, expectScreen, screenIs, throttleUploads } from './support/screens.js';

test.use({ clip: 'neutral_frontal' });

test('positioning → confirmation → uploading with a percentage → processing → result → closed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Hold the first result poll so the processing screen stays up long enough to be seen.
  let polls = 0;
  await page.route('**/result', async (route) => {
    polls++;
    if (polls === 1) await new Promise((r) => setTimeout(r, 2_500));
    await route.continue();
  });
  await openDemo(page);
  await throttleUploads(page);
  await openWith(page, { action: ['video_selfie_blank'] });
  await screenIs(page, 'capture');
  const hint = dialog(page).locator('.ol-hint');
  await expect(hint).toBeVisible({ timeout: 20_000 });
  // The hint and ring follow the live face, so they are masked too; the oval and layout are compared.
  await expectScreen(page, 'positioning', ['[data-oz-liveness] .ol-hint', '[data-oz-liveness] .ol-progress']);
  await expectNoAxeViolations(page);

  await screenIs(page, 'confirm', 40_000);
  await expect(dialog(page).locator('.ol-confirm')).toHaveText('Great!');
  await expectScreen(page, 'confirm');

  await screenIs(page, 'uploading');
  const percent = dialog(page).locator('.ol-percent');
  await expect(percent).toBeVisible();
  await expect(percent).toHaveText(/^\d{1,3}%$/);
  await expectScreen(page, 'uploading', ['[data-oz-liveness] .ol-percent', '[data-oz-liveness] progress']);
  await expectNoAxeViolations(page);

  await screenIs(page, 'result', 60_000);
  // safe/neutral by default: "Done", whatever the verdict.
  await expect(dialog(page).getByRole('heading')).toHaveText('Done');
  await expectScreen(page, 'result');
  await expectNoAxeViolations(page);
  await waitForEvent(page, 'on_close', 10_000);
  const names = (await demoEvents(page)).map((e) => e.name).filter((n) => n !== 'on_result');
  expect(names).toEqual(['on_capture_complete', 'on_submit', 'on_complete', 'on_close']);
});

test('the processing screen is shown while the result is requested', async ({ page }) => {
  test.setTimeout(90_000);
  await page.route('**/media', async (route) => {
    // The adapter's own answer, with the state forced to "processing", so the plugin must poll.
    const res = await route.fetch();
    const body = { ...(await res.json()), state: 'processing' };
    await route.fulfill({ response: res, json: body });
  });
  await page.route('**/result', async (route) => {
    await new Promise((r) => setTimeout(r, 3_000));
    await route.continue();
  });
  await openDemo(page);
  await openWith(page, { action: ['video_selfie_blank'] });
  await screenIs(page, 'processing', 60_000);
  await expect(dialog(page).locator('[data-status="processing_data"]')).toBeVisible();
  await expectScreen(page, 'processing');
  await expectNoAxeViolations(page);
  await waitForEvent(page, 'on_complete', 30_000);
});
