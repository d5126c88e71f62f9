import { openDemo, openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { dialog, expectNoAxeViolations, expectScreen, holdCamera, screenIs } from './support/screens.js';

test.use({ clip: 'neutral_frontal' });

test('instructions, then the camera request screen says what to allow and why', async ({ page }) => {
  await holdCamera(page);
  await openDemo(page);
  await openWith(page, { action: ['video_selfie_blank'], show_instructions: true });
  await screenIs(page, 'instructions');
  const start = dialog(page).getByRole('button', { name: 'Start' });
  await expect(start).toBeFocused();
  await expectScreen(page, 'instructions');
  await expectNoAxeViolations(page);
  await start.click();
  await screenIs(page, 'camera');
  await expect(dialog(page).getByRole('heading', { name: 'Allow camera access' })).toBeVisible();
  await expectScreen(page, 'camera-request');
  await expectNoAxeViolations(page);
  await page.evaluate(() => (window as unknown as { releaseCamera: () => void }).releaseCamera());
  await screenIs(page, 'capture');
  await waitForEvent(page, 'on_capture_complete', 40_000);
});
