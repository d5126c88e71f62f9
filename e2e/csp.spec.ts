import { readFileSync } from 'node:fs';
import { type RunningAdapter, startAdapter, TRUSTED_FAKE_CAMERA } from './support/adapter.js';
import { strictCsp } from './support/csp.js';
import { demoEvents, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { examplePort, type StaticSite, serveStatic } from './support/static-site.js';

// A host page under the strict Content-Security-Policy documented in docs/integration.md: no 'unsafe-eval',
// no 'unsafe-inline'. The plugin must capture and get its verdict without one violation report.
test.use({ clip: 'neutral_frontal' });

const pageDir = new URL('./pages/csp/', import.meta.url);
let site: StaticSite;
let adapter: RunningAdapter;
let policy: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = examplePort(5);
  const origin = `http://127.0.0.1:${port}`;
  adapter = await startAdapter({
    ...TRUSTED_FAKE_CAMERA,
    OZ_ADAPTER_RESULT_MODE: 'status',
    OZ_ADAPTER_CORS__ORIGINS: JSON.stringify([origin]),
  });
  policy = strictCsp(new URL(adapter.url).origin);
  const html = readFileSync(new URL('index.html', pageDir), 'utf8').replaceAll('%ADAPTER_URL%', adapter.url);
  site = await serveStatic(new URL(pageDir).pathname, port, {
    headers: { 'Content-Security-Policy': policy },
    handle: (req, res) => {
      if (req.url !== '/' && req.url !== '/index.html') return false;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(html);
      return true;
    },
  });
});

test.afterAll(async () => {
  await site?.close();
  await adapter?.stop();
});

test('under a strict CSP (no unsafe-eval, no unsafe-inline) the plugin captures and gets its verdict', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const response = await page.goto(site.url);
  expect(response?.headers()['content-security-policy']).toBe(policy);
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).not.toContain("'unsafe-inline'");
  await page.getByRole('button', { name: 'Start liveness check' }).click();
  const overlay = page.locator('[data-oz-liveness] .ol-overlay');
  await expect(overlay).toBeVisible({ timeout: 30_000 });
  // The overlay is styled (its stylesheet was not blocked): fixed, full-screen, dark.
  expect(await overlay.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  await page.screenshot({ path: testInfo.outputPath('csp-overlay.png') });
  const complete = await waitForEvent(page, 'on_complete', 90_000);
  expect((complete.data as { state: string }).state).toBe('finished');
  const names = (await demoEvents(page)).map((e) => e.name);
  expect(names).not.toContain('on_error');
  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  expect(violations).toEqual([]);
});
