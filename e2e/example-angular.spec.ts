import { cspViolations, recordCspViolations } from './support/csp.js';
import { type BootedExample, bootExample, captureInExample } from './support/example-app.js';
import { expect, test } from './support/fixtures.js';

// examples/angular: a zoneless Angular app (a standalone component, compiled ahead of time by ngc) opening the
// plugin through its OzLivenessService, served from its own origin and pointed at an adapter elsewhere.
// Served under the strict CSP of docs/integration.md: the framework adds no eval and no inline code.
test.use({ clip: 'neutral_frontal' });

let app: BootedExample;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await bootExample('angular', 7, { strictCsp: true });
});

test.afterAll(async () => {
  await app?.stop();
});

test('examples/angular captures and shows the verdict', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await recordCspViolations(page);
  const response = await page.goto(app.pageUrl);
  // Served under the strict policy of docs/integration.md: no 'unsafe-eval', no 'unsafe-inline'.
  expect(response?.headers()['content-security-policy']).toBe(app.csp);
  // Rendered by the AOT-compiled component (no JIT compiler on the page).
  await expect(page.locator('app-root h1')).toHaveText('open-liveness · Angular');
  const start = page.getByRole('button', { name: 'Start liveness check' });
  const events = await captureInExample(page, 'on_close');
  await page.screenshot({ path: testInfo.outputPath('angular-done.png') });
  expect(events).toEqual(['on_capture_complete', 'on_submit', 'on_complete', 'on_close']);
  // The service's `running` signal follows the session: the button is back once the plugin closed.
  await expect(start).toBeEnabled();
  const verdict = JSON.parse((await page.locator('[data-verdict]').textContent()) ?? '{}');
  expect(verdict.state).toBe('finished');
  expect(verdict.analyses?.quality?.resolution, JSON.stringify(verdict)).toBe('success');
  expect(await cspViolations(page)).toEqual([]);
});
