import { cspViolations, recordCspViolations } from './support/csp.js';
import { type BootedExample, bootExample, captureInExample } from './support/example-app.js';
import { expect, test } from './support/fixtures.js';

// examples/vue: a Vue 3 app opening the plugin through its useOzLiveness composable, served from its own
// origin and pointed at an adapter elsewhere, driven from the button to the verdict.
// Served under the strict CSP of docs/integration.md: the framework adds no eval and no inline code.
test.use({ clip: 'neutral_frontal' });

let app: BootedExample;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await bootExample('vue', 6, { strictCsp: true });
});

test.afterAll(async () => {
  await app?.stop();
});

test('examples/vue captures and shows the verdict', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await recordCspViolations(page);
  const response = await page.goto(app.pageUrl);
  // Served under the strict policy of docs/integration.md: no 'unsafe-eval', no 'unsafe-inline'.
  expect(response?.headers()['content-security-policy']).toBe(app.csp);
  const start = page.getByRole('button', { name: 'Start liveness check' });
  const events = await captureInExample(page, 'on_close');
  await page.screenshot({ path: testInfo.outputPath('vue-done.png') });
  expect(events).toEqual(['on_capture_complete', 'on_submit', 'on_complete', 'on_close']);
  // The composable's `running` follows the session: the button is back once the plugin closed.
  await expect(start).toBeEnabled();
  const verdict = JSON.parse((await page.locator('[data-verdict]').textContent()) ?? '{}');
  expect(verdict.state).toBe('finished');
  expect(verdict.analyses?.quality?.resolution, JSON.stringify(verdict)).toBe('success');
  expect(await cspViolations(page)).toEqual([]);
});
