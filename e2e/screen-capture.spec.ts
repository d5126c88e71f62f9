import { demoEvents, openDemo, openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import {
  dialog,
  expectNoAxeViolations,
  expectScreen,
  holdConfirmation,
  screenIs,
  throttleUploads,
} from './support/screens.js';

test.use({ clip: 'neutral_frontal' });

/** Records every screen the dialog shows, in order (a short one like the confirmation included). */
async function recordScreens(page: import('@playwright/test').Page) {
  await page.evaluate(() => {
    const w = window as unknown as { screens: string[] };
    w.screens = [];
    const seen = (el: Element) => {
      const v = el.getAttribute('data-screen');
      if (v && w.screens[w.screens.length - 1] !== v) w.screens.push(v);
    };
    const attach = () => {
      const el = document.querySelector('[data-oz-liveness]')?.shadowRoot?.querySelector('.ol-overlay');
      if (!el) return requestAnimationFrame(attach);
      seen(el);
      new MutationObserver(() => seen(el)).observe(el, {
        attributes: true,
        attributeFilter: ['data-screen'],
      });
    };
    attach();
  });
}

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
  await holdConfirmation(page);
  await openDemo(page);
  await throttleUploads(page);
  await openWith(page, { action: ['video_selfie_blank'] });
  await recordScreens(page);
  await screenIs(page, 'capture');
  // While a clip records, the progress ring runs around the oval, on the same centre.
  const ring = dialog(page).locator('path.ol-progress');
  await expect(ring).toBeVisible({ timeout: 40_000 });
  const centres = await dialog(page).evaluate((root) => {
    const centre = (sel: string) => {
      const r = root.querySelector(sel)?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width } : null;
    };
    return { oval: centre('.ol-oval'), ring: centre('.ol-progress') };
  });
  expect(centres.oval && centres.ring).toBeTruthy();
  if (centres.oval && centres.ring) {
    expect(Math.abs(centres.ring.x - centres.oval.x)).toBeLessThan(1.5);
    expect(Math.abs(centres.ring.y - centres.oval.y)).toBeLessThan(1.5);
    expect(centres.ring.w).toBeGreaterThan(centres.oval.w); // outside the oval, not on it
  }
  await screenIs(page, 'confirm', 40_000);
  await expect(dialog(page).locator('.ol-confirm')).toHaveText('Great!');
  await expectScreen(page, 'confirm');
  await expectNoAxeViolations(page);
  await screenIs(page, 'confirm', 1_000); // still the confirmation the checks looked at
  await page.evaluate(() => (window as unknown as { releaseConfirmation: () => void }).releaseConfirmation());

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
  const seen = await page.evaluate(() => (window as unknown as { screens: string[] }).screens);
  // In order (the camera and model may finish in either order, and a quick analysis can skip processing).
  expect(seen[0]).toBe('loading');
  const order = ['camera', 'capture', 'confirm', 'uploading', 'result'];
  expect(seen.filter((x) => order.includes(x))).toEqual(order);
  const names = (await demoEvents(page)).map((e) => e.name).filter((n) => n !== 'on_result');
  expect(names).toEqual(['on_capture_complete', 'on_submit', 'on_complete', 'on_close']);
});

test.describe('positioning', () => {
  test.use({ clip: 'no_face_empty_room' });

  test('the oval, the hint, and a ladder of more helpful hints while no face is found', async ({ page }) => {
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_blank'] });
    await screenIs(page, 'capture');
    const hint = dialog(page).locator('.ol-hint');
    await expect(hint).toHaveAttribute('data-hint', 'action_hint_no_face', { timeout: 20_000 });
    await expect(hint).toHaveText('Place your face in the oval');
    await expectScreen(page, 'positioning');
    await expectNoAxeViolations(page);
    // After a while the same situation gets a more helpful sentence (the hint code stays the same).
    await expect(hint).toHaveAttribute('data-text', 'no_face_hint_2', { timeout: 10_000 });
    await expect(hint).toHaveText('Make sure your face is visible and well lit');
    await expect(hint).toHaveAttribute('data-hint', 'action_hint_no_face');
    // The hint reaches screen readers through the live region as well (throttled, so it may lag a little).
    await expect(dialog(page).locator('[data-testid="live-region"]')).toHaveText(
      'Make sure your face is visible and well lit',
      { timeout: 5_000 },
    );
  });
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
  await expect(dialog(page).locator('[data-status="requesting_result"]')).toBeVisible();
  await expectScreen(page, 'processing');
  await expectNoAxeViolations(page);
  await waitForEvent(page, 'on_complete', 30_000);
});

test('show_result_outcome: the result screen says "not passed" for a declined verdict', async ({ page }) => {
  test.setTimeout(90_000);
  await page.route('**/media', async (route) => {
    // The adapter's own answer, its verdict forced to declined, so the outcome shown does not depend on the model.
    const res = await route.fetch();
    const body = {
      ...(await res.json()),
      state: 'finished',
      analyses: { quality: { state: 'finished', resolution: 'declined' } },
    };
    await route.fulfill({ response: res, json: body });
  });
  await openDemo(page);
  await openWith(page, { action: ['video_selfie_blank'], show_result_outcome: true });
  await screenIs(page, 'result', 60_000);
  await expect(dialog(page).locator('[data-result="declined"]')).toBeVisible();
  await expect(dialog(page).getByRole('heading')).toHaveText('Check not passed');
  await expectScreen(page, 'result-declined');
  await expectNoAxeViolations(page);
  await dialog(page).getByRole('button', { name: 'Close' }).last().click();
  await waitForEvent(page, 'on_close', 10_000);
});
