import { openDemo, openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';

test.use({ clip: 'neutral_frontal' });

test('without requestVideoFrameCallback (Firefox < 132, Safari < 15.4) the capture still completes', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const proto = HTMLVideoElement.prototype as unknown as Record<string, unknown>;
    delete proto.requestVideoFrameCallback;
    delete proto.cancelVideoFrameCallback;
  });
  await openDemo(page);
  expect(await page.evaluate(() => 'requestVideoFrameCallback' in HTMLVideoElement.prototype)).toBe(false);
  await openWith(page, { action: ['video_selfie_blank'] });
  const r = (await waitForEvent(page, 'on_capture_complete', 40_000)).data as { frame_list: string[] };
  expect(r.frame_list.length).toBeGreaterThanOrEqual(10);
});
