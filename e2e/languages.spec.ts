import { LANGUAGES } from '../packages/locales/src/languages.js';
import { PACKS } from '../packages/locales/src/packs/index.js';
import { openDemo, openWith } from './support/demo.js';
import { adapterURL } from './support/env.js';
import { expect, test } from './support/fixtures.js';

// Chromium's built-in test pattern: no face, so the "no face" hint appears as soon as the model runs.
test.use({ clip: null });

const dialog = '[data-oz-liveness] [role="dialog"]';
const en = PACKS.en;
const reEscape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('every built-in language: its own text, lang and dir, and only its own pack fetched', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const packRequests: string[] = [];
  page.on('request', (req) => {
    const m = /\/plugin\/locales\/([^/]+)\.json$/.exec(req.url());
    if (m?.[1]) packRequests.push(m[1]);
  });
  await openDemo(page);
  for (const lang of LANGUAGES) {
    const pack = PACKS[lang.id];
    if (!pack || !en) throw new Error(`no pack ${lang.id}`);
    packRequests.length = 0;
    await openWith(page, { lang: lang.id, action: ['video_selfie_blank'] });
    // The first screens (loading, then starting the camera) already speak the chosen language.
    const status = page.locator('[data-oz-liveness] .ol-status');
    const either = new RegExp(`^(${reEscape(pack.loading_resources)}|${reEscape(pack.accessing_camera)})$`);
    await expect(status).toHaveText(either, { timeout: 15_000 });
    if (lang.id !== 'en') {
      expect(pack.loading_resources).not.toBe(en.loading_resources);
      expect(pack.accessing_camera).not.toBe(en.accessing_camera);
    }
    const box = page.locator(dialog);
    await expect(box).toHaveAttribute('lang', lang.tag);
    await expect(box).toHaveAttribute('dir', lang.dir);
    await expect(page.locator('[data-oz-liveness] .ol-close')).toHaveAttribute(
      'aria-label',
      pack.close_button_label,
    );
    expect(packRequests, `packs fetched for ${lang.id}`).toEqual([lang.id]);
    const shot = testInfo.outputPath(`lang-${lang.id}.png`);
    await page.screenshot({ path: shot });
    await testInfo.attach(`lang-${lang.id}`, { path: shot, contentType: 'image/png' });
    await page.evaluate(() => (window as unknown as { OzLiveness: { close(): void } }).OzLiveness.close());
    await expect(page.locator('[data-oz-liveness]')).toHaveCount(0);
  }
});

test('right to left mirrors the layout but not the camera picture', async ({ page }) => {
  await openDemo(page);
  await openWith(page, { lang: 'ar' });
  await expect(page.locator('[data-oz-liveness] .ol-hint')).toHaveText(PACKS.ar?.action_hint_no_face ?? '', {
    timeout: 30_000,
  });
  const layout = await page.evaluate(() => {
    const root = document.querySelector('[data-oz-liveness]')?.shadowRoot;
    const close = root?.querySelector('.ol-close')?.getBoundingClientRect();
    const video = root?.querySelector('video');
    return {
      closeLeft: close?.left ?? -1,
      width: window.innerWidth,
      videoTransform: video ? getComputedStyle(video).transform : null,
    };
  });
  // The close button moves to the left edge; the selfie preview keeps its one mirror (scaleX(-1)).
  expect(layout.closeLeft).toBeLessThan(layout.width / 2);
  expect(layout.videoTransform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
});

test("without open({lang}) the browser's language picks the pack, else English", async ({
  cameraBrowser,
}) => {
  for (const [locale, expected] of [
    ['kk-KZ', 'kz'],
    ['pt-BR', 'pt-br'],
    ['sw-KE', 'en'],
  ] as const) {
    const context = await cameraBrowser.newContext({ locale, baseURL: adapterURL });
    const page = await context.newPage();
    await openDemo(page);
    await openWith(page, {});
    const pack = PACKS[expected];
    await expect(page.locator('[data-oz-liveness] .ol-hint')).toHaveText(pack?.action_hint_no_face ?? '', {
      timeout: 30_000,
    });
    await context.close();
  }
});

test('an unknown lang is refused with locale_unavailable; add_lang makes it available', async ({ page }) => {
  await openDemo(page);
  await openWith(page, { lang: 'xx' });
  await page.waitForFunction(() =>
    (window as unknown as { demoEvents: { name: string }[] }).demoEvents.some((e) => e.name === 'on_error'),
  );
  const code = await page.evaluate(
    () =>
      (window as unknown as { demoEvents: { name: string; data: { code: string } }[] }).demoEvents.find(
        (e) => e.name === 'on_error',
      )?.data?.code,
  );
  expect(code).toBe('locale_unavailable');
  const langs = await page.evaluate(() => {
    const oz = (
      window as unknown as { OzLiveness: { add_lang(id: string, p: object): void; get_langs(): string[] } }
    ).OzLiveness;
    // A legacy key name reaches the shown oz_ key; the rest falls back to English per key.
    oz.add_lang('xx', { action_hint_no_face: 'XX no face', action_smile_go: 'XX smile' });
    return oz.get_langs();
  });
  expect(langs).toEqual([...LANGUAGES.map((l) => l.id), 'xx']);
  await openWith(page, { lang: 'xx' });
  await expect(page.locator('[data-oz-liveness] .ol-hint')).toHaveText('XX no face', { timeout: 30_000 });
  await expect(page.locator('[data-oz-liveness] .ol-close')).toHaveAttribute(
    'aria-label',
    en?.close_button_label ?? '',
  );
});
