import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { guidance } from '../packages/plugin/src/flow/guidance.js';
import { fixturesDir } from './support/env.js';
import { expect, launchCamera } from './support/fixtures.js';
import { fittedJpeg, guidanceFramedJpeg, loadPhoto } from './support/guidance-framing.js';
import { type HostServer, hostPage, startHost } from './support/host.js';
import { serverFace } from './support/server-liveness.js';
import { inWorkers } from './support/worker-harness.js';

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
/**
 * The CI set: the five accepted faces on which the mapped mesh box (the device's box before it ran the server's
 * detector) was furthest from the server (0.09 to 0.20; deepface_img5 even flipped the decision at 0.5), and one
 * photo the pose guidance refuses (yaw), so the refusal path runs too. AGREEMENT_FACES=all runs every photo.
 */
const CI_SET = [
  'deepface_img4.jpg',
  'deepface_img5.jpg',
  'deepface_img20.jpg',
  'deepface_img22.jpg',
  'fr_alex_lacamoire1.jpg',
  'deepface_img11.jpg',
];
const PHOTOS =
  process.env.AGREEMENT_FACES === 'all'
    ? readdirSync(facesDir)
        .filter((f) => /\.(jpe?g|png)$/i.test(f))
        .sort()
    : CI_SET;

test('faces/ photos framed as the capture guidance accepts them: device within 0.02 of the server', async ({
  host,
}) => {
  test.setTimeout(PHOTOS.length * 5_000 + 30_000);
  const browser = await launchCamera(null);
  try {
    const page = await browser.newPage();
    await page.goto(new URL(hostPage(), host.url).href);
    const photos = await Promise.all(PHOTOS.map((f) => loadPhoto(join(facesDir, f))));
    // First look: the photo fitted whole into 640x480, to find the face. Then the photo is framed around it.
    const fits = photos.map((img) => fittedJpeg(img));
    const first = await inWorkers(
      page,
      fits.map((f) => f.jpeg),
      { score: false },
    );
    const framed = photos.flatMap((img, i) => {
      const box = first.frames[i]?.metrics.box;
      const fit = fits[i];
      return box && fit ? [{ photo: PHOTOS[i] as string, jpeg: guidanceFramedJpeg(img, fit, box) }] : [];
    });
    const noFace = PHOTOS.filter((p) => !framed.some((f) => f.photo === p));
    // Second look, as the capture sees the framed photo: guidance, then the on-device score.
    const seen = await inWorkers(
      page,
      framed.map((f) => f.jpeg),
    );
    const refused: string[] = [];
    const diffs: number[] = [];
    for (const [i, f] of framed.entries()) {
      const v = seen.frames[i];
      const hint = v ? guidance(v.metrics) : 'action_hint_no_face';
      if (!v || hint !== null) {
        refused.push(`${f.photo} (${hint})`);
        continue;
      }
      const server = await serverFace(`data:image/jpeg;base64,${f.jpeg}`);
      const device = 1 - (v.score?.real ?? Number.NaN);
      const spoof = 1 - (server?.real ?? Number.NaN);
      const diff = Math.abs(device - spoof);
      diffs.push(diff);
      console.log(
        `[faces] ${f.photo}: device ${device.toFixed(4)} server ${spoof.toFixed(4)} diff ${diff.toExponential(1)} (box: ${v.score?.box})`,
      );
      expect(v.score?.box, f.photo).toBe('detector');
      expect(diff, f.photo).toBeLessThanOrEqual(0.02);
    }
    const sorted = [...diffs].sort((a, b) => a - b);
    console.log(
      `[faces] ${PHOTOS.length} photos: ${diffs.length} accepted by guidance, ${refused.length} refused [${refused.join(', ')}], ` +
        `${noFace.length} without a face in the first look [${noFace.join(', ')}]; ` +
        `within 0.02: ${diffs.filter((d) => d <= 0.02).length}; median diff ${(sorted[sorted.length >> 1] ?? Number.NaN).toExponential(1)}, max ${(sorted.at(-1) ?? Number.NaN).toExponential(1)}`,
    );
    expect(diffs.length).toBeGreaterThanOrEqual(Math.min(5, PHOTOS.length - 1));
    expect(refused.length + noFace.length).toBeGreaterThanOrEqual(1);
  } finally {
    await browser.close();
  }
});
