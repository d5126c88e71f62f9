import { openDemo, openWith } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { dialog, expectScreen, screenIs } from './support/screens.js';

// No face: the screen stays on positioning with a steady hint, so the screenshot is stable.
test.use({ clip: 'no_face_empty_room' });

/** Share of the viewport the camera picture covers, and whether the oval lies inside the visible picture. */
async function measure(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-oz-liveness]')?.shadowRoot;
    const video = root?.querySelector('video');
    const oval = root?.querySelector('.ol-oval');
    if (!video || !oval) return null;
    const v = video.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    // object-fit decides the painted picture inside the element box.
    const fit = getComputedStyle(video).objectFit;
    const scale =
      fit === 'cover'
        ? Math.max(v.width / video.videoWidth, v.height / video.videoHeight)
        : Math.min(v.width / video.videoWidth, v.height / video.videoHeight);
    const pw = Math.min(v.width, video.videoWidth * scale);
    const ph = Math.min(v.height, video.videoHeight * scale);
    const o = oval.getBoundingClientRect();
    return {
      coverage: (pw * ph) / (vw * vh),
      ovalInside: o.left >= v.left && o.right <= v.right && o.top >= v.top && o.bottom <= v.bottom,
    };
  });
}

test.describe('412×915 portrait phone', () => {
  test.use({ viewport: { width: 412, height: 915 } } as never);

  test('the camera picture fills the screen (cover) and the oval stays in the visible area', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 412, height: 915 });
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_blank'] });
    await screenIs(page, 'capture');
    await expect(dialog(page).locator('.ol-hint')).toBeVisible({ timeout: 20_000 });
    const m = await measure(page);
    expect(m?.coverage).toBeGreaterThanOrEqual(0.8);
    expect(m?.ovalInside).toBe(true);
    await expectScreen(page, 'phone-capture');
  });

  test('disable_adaptive_aspect_ratio keeps the native ratio (letterboxed)', async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 915 });
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_blank'], disable_adaptive_aspect_ratio: true });
    await screenIs(page, 'capture');
    await expect(dialog(page).locator('.ol-stage')).toHaveAttribute('data-fit', 'contain');
    await expect.poll(async () => (await measure(page))?.coverage ?? 1).toBeLessThan(0.5);
  });
});

test.describe('1180×820 tablet held landscape', () => {
  test('the picture fills the screen and the oval is centred, whole and inside the visible part', async ({
    cameraBrowser,
    baseURL,
  }) => {
    const context = await cameraBrowser.newContext({
      viewport: { width: 1180, height: 820 },
      hasTouch: true,
      isMobile: true,
      ...(baseURL ? { baseURL } : {}),
    });
    const page = await context.newPage();
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_blank'] });
    await screenIs(page, 'capture');
    await expect(dialog(page).locator('.ol-hint')).toBeVisible({ timeout: 20_000 });
    // Taller than 500 px: a tablet in landscape is fine, no "turn your device" overlay.
    await expect(dialog(page).locator('.ol-turn')).toBeHidden();
    const m = await measure(page);
    expect(m?.coverage).toBeGreaterThanOrEqual(0.8);
    expect(m?.ovalInside).toBe(true);
    const o = await dialog(page).locator('.ol-oval').boundingBox();
    expect(o).not.toBeNull();
    if (o) {
      expect(Math.abs(o.x + o.width / 2 - 1180 / 2)).toBeLessThan(2);
      expect(o.y).toBeGreaterThan(0);
      expect(o.y + o.height).toBeLessThan(820);
    }
    await expectScreen(page, 'tablet-landscape-capture', ['[data-oz-liveness] .ol-hint']);
    await context.close();
  });
});
