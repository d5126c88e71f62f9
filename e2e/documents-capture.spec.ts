import type { Browser, Page } from '@playwright/test';
import { demoEvents, hint, openWith, waitForEvent } from './support/demo.js';
import { documentClip, VIEWPORT, variantClip } from './support/document-clips.js';
import { documentSuite } from './support/document-suite.js';
import { clipPath } from './support/env.js';
import { expect, launchCamera } from './support/fixtures.js';
import { type HostServer, hostPage } from './support/host.js';
import { expectNoAxeViolations } from './support/screens.js';

/*
 * Document photos in real Chromium, the fake camera fed by specimen pages made into clips at test time:
 * a page held in the frame is shot by auto-capture, reviewed and used; the documents analysis of the
 * embedded service reads its MRZ; with no document in view the person gets a hint and nothing is shot.
 */
const test = documentSuite();

async function pageWith(clip: string, host: HostServer): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchCamera(clip);
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: host.url });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  return { browser, page };
}

const stage = (page: Page) => page.locator('[data-oz-liveness] .ol-doc');
type Json = Record<string, unknown>;

test('a TD2 page held in the frame: auto-capture, review, use → photo payload and the MRZ fields', async ({
  host,
  adapter,
}, testInfo) => {
  test.setTimeout(150_000);
  const { browser, page } = await pageWith(documentClip('td2'), host);
  try {
    await page.goto(hostPage(adapter.url));
    // documentFrameCustomization (style spec): corner radius, template colour and opacity.
    await openWith(page, {
      action: ['photo_id_front'],
      style: {
        documentFrameCustomization: {
          cornersRadius: '12px',
          templateColor: '#FFD400',
          templateOpacity: '40%',
        },
      },
    });
    // The document screen: the card frame with its template, a title, and the shutter.
    await expect(stage(page)).toHaveAttribute('data-doc-action', 'photo_id_front', { timeout: 30_000 });
    await expect(page.getByRole('img', { name: 'Frame for an ID card' })).toBeVisible();
    const template = stage(page).locator('.ol-doc-template');
    await expect(template).toHaveCount(1);
    await expect(template).toHaveAttribute('stroke', '#FFD400');
    await expect(template).toHaveAttribute('stroke-opacity', '0.4');
    await expect(stage(page).locator('.ol-doc-outline')).toHaveAttribute('d', /A12 12 0 0 1/);
    // The page fills the frame and is still: auto-capture fires and the review asks to check the photo.
    const use = page.getByRole('button', { name: 'Use photo' });
    await expect(use).toBeVisible({ timeout: 30_000 });
    await expect(use).toBeFocused();
    await expect(page.getByRole('button', { name: 'Retake' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('document-review.png') });
    await expectNoAxeViolations(page);
    await use.click();
    const capture = (await waitForEvent(page, 'on_capture_complete', 10_000)).data as Json;
    expect(capture).toMatchObject({
      action: 'photo_id_front',
      tags: ['photo_id', 'photo_id_front'],
      capture: { trigger: 'auto' },
    });
    expect(String(capture.photo)).toMatch(/^data:image\/jpeg;base64,/);
    expect(capture.photo_width).toBeGreaterThanOrEqual(1280);
    const complete = (await waitForEvent(page, 'on_complete', 120_000)).data as Json;
    const documents = (complete.analyses as Json[]).find((a) => a.type === 'DOCUMENTS') as Json;
    expect(documents, JSON.stringify(complete)).toMatchObject({ resolution_status: 'SUCCESS' });
    const fields = (documents.results_data as Json).fields as Json;
    expect(fields.documentNumber).toEqual({ value: 'D23145890', valid: true });
    expect(fields.lastName).toMatchObject({ value: 'ERIKSSON' });
    const names = (await demoEvents(page)).map((e) => e.name);
    expect(names).not.toContain('on_error');
  } finally {
    await browser.close();
  }
});

test('no document in view: the person is told to place it in the frame and nothing is shot', async ({
  host,
  adapter,
}, testInfo) => {
  test.setTimeout(90_000);
  const clip = clipPath('no_face_empty_room');
  test.skip(!clip, 'fixture clip no_face_empty_room missing');
  const { browser, page } = await pageWith(clip as string, host);
  try {
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['photo_id_back'], overlay_options: { show_document_pattern: false } });
    await expect(stage(page)).toHaveAttribute('data-doc-action', 'photo_id_back', { timeout: 30_000 });
    await expect(hint(page)).toHaveAttribute('data-hint', 'document_not_in_frame');
    await expect(hint(page)).toHaveText('Place the document inside the frame');
    // show_document_pattern: false — the frame without the template.
    await expect(stage(page).locator('.ol-doc-template')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Take photo' })).toBeFocused();
    // A passport page instead of a card: the frame takes the TD3 shape.
    const passport = page.getByRole('button', { name: 'Passport page' });
    await passport.click();
    await expect(passport).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('img', { name: 'Frame for a passport page' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('document-framing.png') });
    await expectNoAxeViolations(page);
    await page.waitForTimeout(4_000);
    await expect(page.getByRole('button', { name: 'Use photo' })).toBeHidden();
    await expect(stage(page)).toHaveAttribute('data-doc-phase', 'framing');
    expect((await demoEvents(page)).map((e) => e.name)).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('the photographed Luxembourg passport, shot with the shutter: retake, shoot again, use → its MRZ fields', async ({
  host,
  adapter,
}) => {
  test.setTimeout(150_000);
  const { browser, page } = await pageWith(documentClip('lux', { loose: true }), host);
  try {
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['photo_id_front'] });
    // Held at an angle, the page does not line up with the frame: a hint, and no auto-capture.
    await expect(stage(page)).toHaveAttribute('data-doc-phase', 'framing', { timeout: 30_000 });
    await expect(hint(page)).not.toHaveAttribute('data-hint', '');
    const shutter = page.getByRole('button', { name: 'Take photo' });
    await shutter.click();
    await page.getByRole('button', { name: 'Retake' }).click();
    await expect(stage(page)).toHaveAttribute('data-doc-phase', 'framing');
    await expect(shutter).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Use photo' }).click();
    const capture = (await waitForEvent(page, 'on_capture_complete', 10_000)).data as Json;
    expect(capture).toMatchObject({ action: 'photo_id_front', capture: { trigger: 'shutter' } });
    const complete = (await waitForEvent(page, 'on_complete', 120_000)).data as Json;
    const documents = (complete.analyses as Json[]).find((a) => a.type === 'DOCUMENTS') as Json;
    const fields = (documents.results_data as Json).fields as Json;
    expect(fields.documentNumber, JSON.stringify(documents)).toEqual({ value: 'S998527', valid: true });
    expect(fields.lastName).toMatchObject({ value: 'MAUS' });
    expect(fields.issuingState).toEqual({ value: 'LUX', valid: true });
    expect(fields.birthDate).toEqual({ value: '780620', valid: true });
  } finally {
    await browser.close();
  }
});

for (const [variant, expected] of [
  ['glare', ['glare']],
  ['tilted', ['move_closer', 'document_not_in_frame']],
  ['perspective', ['move_closer', 'document_not_in_frame']],
] as const) {
  test(`a ${variant} page in the frame: the hint says so and auto-capture waits`, async ({
    host,
    adapter,
  }) => {
    test.setTimeout(60_000);
    const { browser, page } = await pageWith(variantClip('td2', variant), host);
    try {
      await page.goto(hostPage(adapter.url));
      await openWith(page, { action: ['photo_id_front'] });
      await expect(stage(page)).toHaveAttribute('data-doc-phase', 'framing', { timeout: 30_000 });
      await expect
        .poll(async () => (await hint(page).getAttribute('data-hint')) ?? '', { timeout: 10_000 })
        .toMatch(new RegExp(`^(${expected.join('|')})$`));
      await page.waitForTimeout(2_000);
      await expect(stage(page)).toHaveAttribute('data-doc-phase', 'framing');
    } finally {
      await browser.close();
    }
  });
}
