import { type BootedExample, bootExample, captureInExample } from './support/example-app.js';
import { expect, test } from './support/fixtures.js';

// examples/react, built in development mode so StrictMode really mounts the component twice, served from its
// own origin and pointed at an adapter elsewhere: one camera, one session, one verdict.
test.use({ clip: 'neutral_frontal' });

let app: BootedExample;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await bootExample('react', 2, { mode: 'development' });
});

test.afterAll(async () => {
  await app?.stop();
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
  await page.goto(app.pageUrl);
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
