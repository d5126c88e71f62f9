import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningAdapter, startAdapter, TRUSTED_FAKE_CAMERA } from './support/adapter.js';
import { expect, test } from './support/fixtures.js';
import { type NodeProcess, startNode } from './support/node-process.js';
import { examplePort } from './support/static-site.js';

// examples/host-backend: the capture architecture end to end. The adapter only serves the plugin; the page
// hands on_capture_complete's frames to its own backend, which creates the folder and the analysis in a real
// analysis service (packages/analysis on its own port), polls by transaction_id, decides and answers.
test.use({ clip: 'neutral_frontal' });

const PASSWORD = 'host-backend-e2e';
let data: string;
let analysis: NodeProcess;
let adapter: RunningAdapter;
let backend: NodeProcess;
const backendUrl = `http://127.0.0.1:${examplePort(3)}/`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  data = mkdtempSync(join(tmpdir(), 'ol-host-backend-'));
  const analysisPort = examplePort(4);
  analysis = await startNode(
    'packages/analysis/dist/main.js',
    { ANALYSIS_PORT: String(analysisPort), ANALYSIS_PASSWORD: PASSWORD, ANALYSIS_DATA_DIR: data },
    /analysis service listening/,
  );
  adapter = await startAdapter({
    ...TRUSTED_FAKE_CAMERA,
    OZ_ADAPTER_ARCHITECTURE: 'capture',
    OZ_ADAPTER_CORS__ORIGINS: JSON.stringify([backendUrl.slice(0, -1)]),
  });
  backend = await startNode(
    'examples/host-backend/dist/server.js',
    {
      PORT: String(examplePort(3)),
      ADAPTER_URL: adapter.url,
      ANALYSIS_API_URL: `http://127.0.0.1:${analysisPort}`,
      ANALYSIS_API_PASSWORD: PASSWORD,
    },
    /host backend: http/,
  );
});

test.afterAll(async () => {
  await backend?.stop();
  await adapter?.stop();
  await analysis?.stop();
  if (data) rmSync(data, { recursive: true, force: true });
});

test('host backend: the page posts the capture, its backend gets the verdict from the analysis API', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const posted: string[] = [];
  let transactionId = '';
  page.on('request', (r) => {
    if (r.method() !== 'POST') return;
    const url = new URL(r.url());
    posted.push(url.origin + url.pathname);
    if (url.pathname === '/api/liveness')
      transactionId = (r.postDataJSON() as { transaction_id: string }).transaction_id;
  });
  await page.goto(backendUrl);
  await page.getByRole('button', { name: 'Start liveness check' }).click();
  await expect(page.locator('[data-event="decision"]')).toHaveCount(1, { timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath('host-backend.png') });
  const decision = JSON.parse((await page.locator('#verdict').textContent()) ?? '{}');
  expect(decision).toMatchObject({ state: 'done', passed: true, resolution: 'SUCCESS' });
  // Capture architecture: the plugin uploaded no media to the adapter (it only opened its session there).
  expect(posted).toContain(`${backendUrl}api/liveness`);
  expect(posted.filter((u) => u.startsWith(adapter.url) && /media|upload|container/.test(u))).toEqual([]);
  // Later, the backend looks the verdict up again by transaction_id (what a host does after a reload).
  const again = await page.request.get(`${backendUrl}api/liveness/${transactionId}`);
  expect(await again.json()).toEqual(decision);
});
