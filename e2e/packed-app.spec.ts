import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type RunningAdapter, startAdapter, TRUSTED_FAKE_CAMERA } from './support/adapter.js';
import { captureInExample } from './support/example-app.js';
import { expect, test } from './support/fixtures.js';
import { examplePort, type StaticSite, serveStatic } from './support/static-site.js';

// The packages as published: packed, installed into a fresh app outside the repo, type-checked strict,
// rendered on the server and built by scripts/pack-check.mjs; then that app captures against an adapter
// on another origin (the app gets the adapter's URL, as an integrator's would).
test.use({ clip: 'neutral_frontal' });

let work: string;
let site: StaticSite;
let adapter: RunningAdapter;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(join(tmpdir(), 'ol-pack-'));
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/pack-check.mjs', '--out', work], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { dist: string };
  console.log(`[pack-check] ${stdout.trim().split('\n').pop()}`);
  const port = examplePort(1);
  site = await serveStatic(report.dist, port);
  adapter = await startAdapter({
    ...TRUSTED_FAKE_CAMERA,
    OZ_ADAPTER_RESULT_MODE: 'status',
    OZ_ADAPTER_CORS__ORIGINS: JSON.stringify([site.url.slice(0, -1)]),
  });
});

test.afterAll(async () => {
  await site?.close();
  await adapter?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the packed packages, installed in a fresh Vite + React app, capture in StrictMode', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${site.url}?adapter=${encodeURIComponent(adapter.url)}`);
  await expect(page.getByText('languages: en')).toBeVisible();
  const events = await captureInExample(page);
  expect(events.slice(0, 2)).toEqual(['on_capture_complete', 'on_complete']);
  const verdict = JSON.parse((await page.locator('[data-verdict]').textContent()) ?? '{}');
  expect(verdict.state).toBe('finished');
  // StrictMode mounted the component twice in development; the production build once: either way one session.
  await expect(page.locator('[data-error]')).toHaveCount(0);
});
