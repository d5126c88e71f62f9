import type { Browser, Page } from '@playwright/test';
import { openDemo, openWith } from './support/demo.js';
import { expect, test } from './support/fixtures.js';

/*
 * Which camera a document photo asks for (actions.md: the rear camera on phones, the front one on desktops).
 * Chromium's fake camera has no facing, so the test reads the constraints the plugin hands to getUserMedia.
 */
test.use({ clip: 'no_face_empty_room' });

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

async function pageOn(browser: Browser, baseURL: string, phone: boolean): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    ...(phone
      ? { userAgent: PHONE_UA, isMobile: true, hasTouch: true, viewport: { width: 412, height: 915 } }
      : { viewport: { width: 960, height: 720 } }),
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { cameraRequests: unknown[] }).cameraRequests = seen;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (c?: MediaStreamConstraints) => {
      seen.push(JSON.parse(JSON.stringify(c ?? {})));
      return original(c);
    };
  });
  return page;
}

async function facingOfFirstRequest(page: Page): Promise<unknown> {
  await page.waitForFunction(
    () => (window as unknown as { cameraRequests: unknown[] }).cameraRequests.length > 0,
    undefined,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const [first] = (window as unknown as { cameraRequests: Array<{ video?: { facingMode?: unknown } }> })
      .cameraRequests;
    return first?.video?.facingMode ?? null;
  });
}

test('a phone opens the rear camera for a document-first session, the front one for a selfie-first one', async ({
  cameraBrowser,
  baseURL,
}) => {
  const doc = await pageOn(cameraBrowser, baseURL ?? '', true);
  await openDemo(doc);
  await openWith(doc, { action: ['photo_id_front'] });
  expect(JSON.stringify(await facingOfFirstRequest(doc))).toContain('environment');
  await doc.context().close();

  const selfie = await pageOn(cameraBrowser, baseURL ?? '', true);
  await openDemo(selfie);
  await openWith(selfie, { action: ['video_selfie_blank', 'photo_id_front'] });
  expect(JSON.stringify(await facingOfFirstRequest(selfie))).not.toContain('environment');
  await selfie.context().close();
});

test('a desktop keeps the front camera for a document photo', async ({ cameraBrowser, baseURL }) => {
  const page = await pageOn(cameraBrowser, baseURL ?? '', false);
  await openDemo(page);
  await openWith(page, { action: ['photo_id_front'] });
  expect(JSON.stringify(await facingOfFirstRequest(page))).not.toContain('environment');
  await page.context().close();
});
