import type { Page } from '@playwright/test';
import { demoEvents, openWith, waitForEvent } from './support/demo.js';
import { type Holder, selfieThenPassportClip, VIEWPORT } from './support/document-clips.js';
import { documentSuite } from './support/document-suite.js';
import { expect, launchCamera } from './support/fixtures.js';
import { hostPage } from './support/host.js';

/*
 * The reference product's "photo ID capture and face matching" scenario, in one session in real Chromium:
 * selfie, then document front and back, uploaded together; the embedded service reads the MRZ and matches
 * the selfie to the portrait on the page. The camera shows the selfie clip, then the passport page (made at
 * test time with the selfie's own face, or another person's, on it).
 */
const test = documentSuite({ OZ_ADAPTER_ANALYSES__BIOMETRY: 'true' });

type Json = Record<string, unknown>;

/** Waits for the review of `action` and uses the photo. */
async function usePhoto(page: Page, action: string): Promise<void> {
  const stage = page.locator(`[data-oz-liveness] .ol-doc[data-doc-action="${action}"]`);
  await expect(stage).toHaveAttribute('data-doc-phase', 'review', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Use photo' }).click();
}

const EXPECTED: Record<Holder, string> = { same: 'SUCCESS', other: 'DECLINED' };

for (const holder of ['same', 'other'] as const) {
  test(`selfie + document front/back (${holder} person): MRZ fields and biometry ${EXPECTED[holder]} reach on_complete`, async ({
    host,
    adapter,
  }, testInfo) => {
    test.setTimeout(240_000);
    const browser = await launchCamera(selfieThenPassportClip(holder));
    try {
      const context = await browser.newContext({ viewport: VIEWPORT, baseURL: host.url });
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
      await page.goto(hostPage(adapter.url));
      await openWith(page, { action: ['video_selfie_blank', 'photo_id_front', 'photo_id_back'] });
      await usePhoto(page, 'photo_id_front');
      if (holder === 'same') await page.screenshot({ path: testInfo.outputPath('flow-front-used.png') });
      await usePhoto(page, 'photo_id_back');
      const complete = (await waitForEvent(page, 'on_complete', 150_000)).data as Json;
      const events = await demoEvents(page);
      expect(events.map((e) => e.name).filter((n) => n !== 'on_result')).toEqual([
        'on_capture_complete',
        'on_capture_complete',
        'on_capture_complete',
        'on_submit',
        'on_complete',
      ]);
      const captures = events.filter((e) => e.name === 'on_capture_complete').map((e) => e.data as Json);
      expect(captures.map((c) => c.action)).toEqual([
        'video_selfie_blank',
        'photo_id_front',
        'photo_id_back',
      ]);
      const byType = Object.fromEntries((complete.analyses as Json[]).map((a) => [a.type, a]));
      expect(Object.keys(byType).sort(), JSON.stringify(complete)).toEqual([
        'BIOMETRY',
        'DOCUMENTS',
        'QUALITY',
      ]);
      expect(byType.BIOMETRY).toMatchObject({ resolution_status: EXPECTED[holder] });
      expect(byType.DOCUMENTS).toMatchObject({ resolution_status: 'SUCCESS' });
      const fields = ((byType.DOCUMENTS as Json).results_data as Json).fields as Json;
      expect(fields.documentNumber).toEqual({ value: 'L898902C3', valid: true });
      expect(fields.lastName).toMatchObject({ value: 'ERIKSSON' });
      // The photos went up as photo media with the spec's tags, beside the selfie's shot set.
      const tags = (complete.media as Json[] | undefined)?.map((m) =>
        [...((m.tags as string[]) ?? [])].sort(),
      );
      expect(tags).toEqual(
        expect.arrayContaining([
          ['photo_id', 'photo_id_front'],
          ['photo_id', 'photo_id_back'],
        ]),
      );
    } finally {
      await browser.close();
    }
  });
}
