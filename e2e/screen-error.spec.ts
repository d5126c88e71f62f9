import { demoEvents, openDemo, openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { dialog, expectNoAxeViolations, expectScreen, screenIs } from './support/screens.js';

test.use({ clip: 'neutral_frontal' });

test('a session request that fails at the network level: error screen, camera never opened, Try again completes', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    const w = window as unknown as { cameraCalls: number };
    w.cameraCalls = 0;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (c) => {
      w.cameraCalls++;
      return original(c);
    };
  });
  await page.route('**/api/v1/sessions', (route) => route.abort('connectionrefused'));
  await openDemo(page);
  await openWith(page, { action: ['video_selfie_blank'] });
  const error = (await waitForEvent(page, 'on_error')).data as { code: string; retryable: boolean };
  expect(error).toMatchObject({ code: 'adapter_unreachable', retryable: true });
  await screenIs(page, 'error');
  await expect(dialog(page).locator('[data-code="adapter_unreachable"]')).toBeVisible();
  const retry = dialog(page).getByRole('button', { name: 'Try again' });
  await expect(retry).toBeFocused();
  await expectScreen(page, 'error-network');
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => (window as unknown as { cameraCalls: number }).cameraCalls)).toBe(0);
  expect((await demoEvents(page)).map((e) => e.name)).toEqual(['on_error']);

  await page.unroute('**/api/v1/sessions');
  await retry.click();
  await waitForEvent(page, 'on_capture_complete', 40_000);
  await waitForEvent(page, 'on_close', 60_000);
  const names = (await demoEvents(page)).map((e) => e.name);
  expect(names.filter((n) => n === 'on_close')).toHaveLength(1);
  expect(names).toContain('on_complete');
});

test('a failure that comes before the dialog has painted still shows its error screen', async ({ page }) => {
  await page.addInitScript(() => {
    // A busy page for its first 3 s: frames and Preact's effect fallback (35 ms) come 600 ms late, so the
    // refused session request below is answered before the UI has subscribed to the session's view.
    const raf = window.requestAnimationFrame.bind(window);
    const later = window.setTimeout.bind(window);
    let busy = true;
    later(() => {
      busy = false;
    }, 3_000);
    window.requestAnimationFrame = (cb) =>
      busy ? (later(() => raf(cb), 600) as unknown as number) : raf(cb);
    window.setTimeout = ((h: TimerHandler, ms?: number, ...a: unknown[]) =>
      later(h, busy && ms === 35 ? 600 : ms, ...a)) as typeof window.setTimeout;
  });
  await page.route('**/api/v1/sessions', (route) => route.abort('failed'));
  await openDemo(page);
  await openWith(page, { action: ['video_selfie_blank'] });
  await waitForEvent(page, 'on_error', 20_000);
  await expect(dialog(page).locator('[data-error]')).toHaveAttribute('data-error', 'error_connection_lost');
  await expect(dialog(page).getByRole('button', { name: 'Try again' })).toBeVisible();
});
