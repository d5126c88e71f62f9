import { openDemo, startCapture, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';

// The demo page in the normal architecture: after on_complete it gets the verdict the recommended way, from
// its backend route that looks the folder up in the analysis API by transaction_id.
test.use({ clip: 'neutral_frontal' });

test('the demo page shows the verdict its backend looked up by transaction_id', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/demo/verdicts/')) asked.push(new URL(r.url()).pathname);
  });
  await openDemo(page);
  await startCapture(page);
  await waitForEvent(page, 'on_complete', 90_000);
  await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', /.+/, { timeout: 10_000 });
  await page.screenshot({ path: testInfo.outputPath('demo-verdict.png'), fullPage: true });
  const verdict = (await page.evaluate(
    () => (window as unknown as { demoVerdict: unknown }).demoVerdict,
  )) as {
    transaction_id: string;
    state: string;
    passed: boolean;
    analyses: unknown;
  };
  expect(asked).toEqual([`/api/v1/demo/verdicts/${verdict.transaction_id}`]);
  expect(verdict.transaction_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(verdict.state).toBe('finished');
  expect(verdict.analyses).toEqual({ quality: { state: 'finished', resolution: 'success' } });
  expect(verdict.passed).toBe(true);
  await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'true');
  // Only the demo's own folders are answered: an unknown transaction_id is a 404 with its code.
  const adapter = new URL(
    '.',
    (await page.locator('script[src$="plugin_liveness.js"]').getAttribute('src')) ?? '',
  );
  const other = await page.request.get(new URL('api/v1/demo/verdicts/not-a-demo-capture', adapter).href);
  expect(other.status()).toBe(404);
  expect((await other.json()).code).toBe('verdict_not_found');
});
