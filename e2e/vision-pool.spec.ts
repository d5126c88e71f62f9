import { openDemo, openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';

test.use({ clip: 'neutral_frontal' });

// Two vision workers analyse alternate frames; the action machine must still see them in capture order.
// The plugin starts the second worker only from 4 cores (vision/in-order.ts visionPoolSize), so the page
// reports 4 here: the pool path is tested on any machine, this 2-core one included.
test('two vision workers share the frames and the action machine sees them in capture order', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { frameTimes: number[] };
    w.frameTimes = [];
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 4, configurable: true });
  });
  await openDemo(page);
  expect(await page.evaluate(() => navigator.hardwareConcurrency)).toBe(4);
  await page.evaluate(() => {
    const w = window as unknown as { frameTimes: number[]; OzLiveness: { open(o: object): void } };
    const open = w.OzLiveness.open.bind(w.OzLiveness);
    w.OzLiveness.open = (o: object) =>
      open({ ...o, diagnostics: { on_frame: (f: { timestamp: number }) => w.frameTimes.push(f.timestamp) } });
  });
  await openWith(page, { action: ['video_selfie_scan'] });
  await page.waitForFunction(() => (window as unknown as { frameTimes: number[] }).frameTimes.length >= 10);
  // While the action runs: each worker loaded the plugin's vision worker script: two of them ran the model.
  const visionWorkers = await Promise.all(
    page
      .workers()
      .map((wk) =>
        wk
          .evaluate(() =>
            performance.getEntriesByType('resource').some((e) => e.name.includes('vision_worker.js')),
          )
          .catch(() => false),
      ),
  );
  expect(visionWorkers.filter(Boolean).length).toBe(2);
  const r = (await waitForEvent(page, 'on_capture_complete', 40_000)).data as { frame_list: string[] };
  expect(r.frame_list.length).toBeGreaterThanOrEqual(10);
  const times = await page.evaluate(() => (window as unknown as { frameTimes: number[] }).frameTimes);
  expect(times.length).toBeGreaterThan(20);
  const backwards = times.filter((t, i) => i > 0 && t <= (times[i - 1] ?? 0));
  expect(backwards).toEqual([]);
});
