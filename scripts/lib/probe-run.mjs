// Shared by the trace recorder and the vision benchmark: serve the built plugin + assets in-process and
// run the vision probe page in Debian Chromium with a fake-camera clip.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import express from 'express';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = resolve(
  process.env.LIVENESS_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures'),
);

export const CLIPS = [
  'neutral_frontal',
  'head_turn_and_nod',
  'head_turn_left_right',
  'smile_broad',
  'selfie_blink_smile',
  'no_face_empty_room',
  'two_faces',
];

export async function startProbeServer() {
  const adapterDist = join(repoRoot, 'packages', 'adapter', 'dist');
  if (!existsSync(join(adapterDist, 'routes', 'plugin-assets.js')))
    throw new Error('build first: pnpm build');
  const { pluginAssetsRouter } = await import(join(adapterDist, 'routes', 'plugin-assets.js'));
  const { installPaths } = await import(join(adapterDist, 'paths.js'));
  const app = express();
  app.use(pluginAssetsRouter(installPaths()));
  // The bare loop (bare-worker.js) loads tasks-vision's own bundle, not the plugin's worker.
  app.get('/probe/tasks-vision.cjs', (_req, res) =>
    res
      .type('text/javascript')
      .sendFile(
        join(
          repoRoot,
          'packages',
          'plugin',
          'node_modules',
          '@mediapipe',
          'tasks-vision',
          'vision_bundle.cjs',
        ),
      ),
  );
  app.use('/probe', express.static(join(repoRoot, 'scripts', 'vision-probe')));
  const server = await new Promise((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  }).trim();
}

export async function probeClip(baseUrl, clip, { seconds, record, bare = false }) {
  const file = join(fixturesDir, 'video', `${clip}.mjpeg`);
  if (!existsSync(file)) throw new Error(`missing clip ${file} (set LIVENESS_FIXTURES)`);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/probe/index.html`);
    return await page.evaluate((o) => (o.bare ? window.bareProbe(o) : window.probe(o)), {
      seconds,
      record,
      bare,
    });
  } finally {
    await browser.close();
  }
}
