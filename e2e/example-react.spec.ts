import { rmSync } from 'node:fs';
import { type RunningAdapter, startAdapter, TRUSTED_FAKE_CAMERA } from './support/adapter.js';
import { buildExample } from './support/build-example.js';
import { captureInExample } from './support/example-app.js';
import { expect, test } from './support/fixtures.js';
import { examplePort, type StaticSite, serveStatic } from './support/static-site.js';

// examples/react, built in development mode so StrictMode really mounts the component twice, served from its
// own origin and pointed at an adapter elsewhere: one camera, one session, one verdict.
test.use({ clip: 'neutral_frontal' });

let dist: string;
let site: StaticSite;
let adapter: RunningAdapter;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dist = await buildExample('react', 'development');
  site = await serveStatic(dist, examplePort(2));
  adapter = await startAdapter({
    ...TRUSTED_FAKE_CAMERA,
    OZ_ADAPTER_RESULT_MODE: 'status',
    OZ_ADAPTER_CORS__ORIGINS: JSON.stringify([site.url.slice(0, -1)]),
  });
});

test.afterAll(async () => {
  await site?.close();
  await adapter?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

test('examples/react under StrictMode opens one session and gets the verdict', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // Count the plugin's overlays: a double-mounted component that opened twice would mount two. (Wrapping
  // getUserMedia instead would be flagged as tampering by the plugin's integrity checks, rightly.)
  await page.addInitScript(() => {
    const w = window as unknown as { overlays: number };
    w.overlays = 0;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes))
          if (n instanceof Element && n.hasAttribute('data-oz-liveness')) w.overlays++;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${site.url}?adapter=${encodeURIComponent(adapter.url)}`);
  const isDev = await page.evaluate(() => !!document.querySelector('script[type=module]'));
  expect(isDev).toBe(true);
  const events = await captureInExample(page, 'on_close');
  await page.screenshot({ path: testInfo.outputPath('react-done.png') });
  expect(events).toEqual(['on_capture_complete', 'on_submit', 'on_complete', 'on_close']);
  expect(await page.evaluate(() => (window as unknown as { overlays: number }).overlays)).toBe(1);
  const verdict = JSON.parse((await page.locator('[data-verdict]').textContent()) ?? '{}');
  expect(verdict.state).toBe('finished');
  expect(verdict.analyses?.quality?.resolution, JSON.stringify(verdict)).toBe('success');
});
