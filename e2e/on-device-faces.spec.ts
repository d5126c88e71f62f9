import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { guidance } from '../packages/plugin/src/flow/guidance.js';
import { fixturesDir } from './support/env.js';
import { fittedJpeg, guidanceFramedJpeg, loadPhoto } from './support/guidance-framing.js';
import { expect, launchCamera } from './support/fixtures.js';
import { type HostServer, hostPage, startHost } from './support/host.js';
import { serverFace } from './support/server-liveness.js';
import { inWorkers } from './support/worker-harness.js';

import { test as base } from '@playwright/test';
const test = base.extend<object, { host: HostServer }>({
  host: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
});

const facesDir = join(fixturesDir, 'faces');
const PHOTOS = readdirSync(facesDir)
  .filter((f) => /\.(jpe?g|png)$/i.test(f))
  .sort();

test('faces/ photos framed as the capture guidance accepts them: device within 0.02 of the server', async ({
  host,
}) => {
  test.setTimeout(180_000);
  const browser = await launchCamera(null);
  const page = await browser.newPage();
  await page.goto(new URL(hostPage(), host.url).href);
  const t0 = Date.now();
  const photos = await Promise.all(PHOTOS.map((f) => loadPhoto(join(facesDir, f))));
  const fits = photos.map((img) => fittedJpeg(img));
  const first = await inWorkers(
    page,
    fits.map((f) => f.jpeg),
    { score: false },
  );
  console.log(`[faces] first look ${Date.now() - t0} ms`);
  const framed = photos.map((img, i) => {
    const box = first.frames[i]?.metrics.box;
    const fit = fits[i];
    return box && fit ? guidanceFramedJpeg(img, fit, box) : null;
  });
  const usable = framed.flatMap((j, i) => (j ? [{ i, jpeg: j }] : []));
  const second = await inWorkers(
    page,
    usable.map((u) => u.jpeg),
    {},
  );
  console.log(`[faces] second look ${Date.now() - t0} ms`);
  const rows: Array<Record<string, unknown>> = [];
  for (const [n, u] of usable.entries()) {
    const f = second.frames[n];
    if (!f) continue;
    const hint = guidance(f.metrics);
    const server = await serverFace(`data:image/jpeg;base64,${u.jpeg}`);
    const device = f.score ? 1 - f.score.real : Number.NaN;
    const serverSpoof = server ? 1 - server.real : Number.NaN;
    rows.push({
      photo: PHOTOS[u.i],
      hint,
      yaw: f.metrics.yaw,
      pitch: f.metrics.pitch,
      roll: f.metrics.roll,
      device,
      server: serverSpoof,
      diff: Math.abs(device - serverSpoof),
      box: f.metrics.box,
      landmarks: f.metrics.landmarks,
      serverBox: server?.box ?? null,
      jpeg: process.env.AGREEMENT_DUMP ? u.jpeg : undefined,
    });
  }
  console.log(`[faces] ${PHOTOS.length} photos, ${Date.now() - t0} ms`);
  for (const r of rows)
    console.log(
      `[faces] ${String(r.photo).padEnd(24)} ${String(r.hint ?? 'accepted').padEnd(26)} device ${(r.device as number).toFixed(4)} server ${(r.server as number).toFixed(4)} diff ${(r.diff as number).toFixed(4)}`,
    );
  if (process.env.AGREEMENT_DUMP) writeFileSync(process.env.AGREEMENT_DUMP, JSON.stringify(rows));
  const accepted = rows.filter((r) => r.hint === null);
  expect(accepted.length).toBeGreaterThan(0);
  await browser.close();
});
