import { openDemo, openWith } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { dialog, expectNoAxeViolations, expectScreen, screenIs } from './support/screens.js';

test.use({ clip: 'no_face_empty_room' });

test('a stalled video (WebView freeze) offers "Tap to continue", which resumes it', async ({ page }) => {
  await openDemo(page);
  await openWith(page, { action: ['video_selfie_blank'] });
  await screenIs(page, 'capture');
  await page.evaluate(() =>
    document.querySelector('[data-oz-liveness]')?.shadowRoot?.querySelector('video')?.pause(),
  );
  const tap = dialog(page).getByRole('button', { name: 'Tap to continue' });
  await expect(tap).toBeVisible();
  await expect(tap).toBeFocused();
  await expectScreen(page, 'tap-to-continue', ['[data-oz-liveness] .ol-hint']);
  await expectNoAxeViolations(page);
  await tap.click();
  await expect(tap).toHaveCount(0);
  expect(
    await page.evaluate(
      () => document.querySelector('[data-oz-liveness]')?.shadowRoot?.querySelector('video')?.paused,
    ),
  ).toBe(false);
});

test.describe('a phone held sideways', () => {
  test('shows the device_turn overlay', async ({ cameraBrowser, baseURL }) => {
    const context = await cameraBrowser.newContext({
      viewport: { width: 915, height: 412 },
      hasTouch: true,
      isMobile: true,
      ...(baseURL ? { baseURL } : {}),
    });
    const page = await context.newPage();
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_blank'] });
    await screenIs(page, 'capture');
    const turn = dialog(page).locator('.ol-turn');
    await expect(turn).toBeVisible();
    await expect(turn).toHaveText('Please turn your device upright.');
    await expectScreen(page, 'device-turn');
    await expectNoAxeViolations(page);
    await context.close();
  });
});
