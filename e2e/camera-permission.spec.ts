import { chromium } from '@playwright/test';
import { demoEvents, openDemo, openWith, waitForEvent } from './support/demo.js';
import { chromiumPath } from './support/env.js';
import { expect, requireClip, test } from './support/fixtures.js';
import { dialog, expectNoAxeViolations, expectScreen, screenIs } from './support/screens.js';

test('camera refused → browser-specific steps → allowed → Try again: the capture completes in the same open()', async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const clip = requireClip('neutral_frontal', testInfo);
  if (!clip) return;
  // No --use-fake-ui-for-media-stream: the permission is decided by the context, so it can be refused.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${clip}`,
      '--disable-gpu',
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 960, height: 720 },
      ...(baseURL ? { baseURL } : {}),
    });
    const page = await context.newPage();
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_blank'] });
    const error = (await waitForEvent(page, 'on_error')).data as { code: string };
    expect(error.code).toBe('camera_denied');
    await screenIs(page, 'error');
    const panel = dialog(page).locator('[data-code="camera_denied"]');
    await expect(panel.getByRole('heading')).toHaveText('The page is not allowed to use the camera.');
    await expect(panel.locator('.ol-tutorial li')).toHaveText([/camera icon in the address bar/]);
    await expectScreen(page, 'error-camera-denied');
    await expectNoAxeViolations(page);

    await context.grantPermissions(['camera'], { origin: new URL(page.url()).origin });
    await panel.getByRole('button', { name: 'Try again' }).click();
    await waitForEvent(page, 'on_capture_complete', 40_000);
    await waitForEvent(page, 'on_close', 60_000);
    const names = (await demoEvents(page)).map((e) => e.name);
    expect(names.filter((n) => n === 'on_error')).toHaveLength(1);
    expect(names).toContain('on_complete');
    await context.close();
  } finally {
    await browser.close();
  }
});
