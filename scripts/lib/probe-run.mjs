// Shared by the trace recorder and the vision benchmark: serve the built plugin + assets in-process and
// run the vision probe page in Debian Chromium with a fake-camera clip.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * The fake-camera file for a clip. At 30 fps and the fixture's own size: the fixture itself (Chromium plays
 * .mjpeg at 30 fps). Otherwise a Y4M derived with ffmpeg into the temp folder: the fixture's frames played at
 * `fps` (each frame distinct, the clip runs faster: a camera that offers more frames than one worker
 * analyses) and, with `size` ("1280x720"), scaled to that size (an HD webcam; Chromium never upscales a file).
 */
export function clipFile(clip, { fps = 30, size = null } = {}) {
  const src = join(fixturesDir, 'video', `${clip}.mjpeg`);
  if (!existsSync(src)) throw new Error(`missing clip ${src} (set LIVENESS_FIXTURES)`);
  if (fps === 30 && size === null) return src;
  const dir = join(tmpdir(), 'open-liveness-bench-clips');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${clip}-${fps}fps${size ? `-${size}` : ''}.y4m`);
  const scale = size ? ['-vf', `scale=${size.replace('x', ':')}:flags=bicubic`] : [];
  if (!existsSync(out))
    execFileSync('ffmpeg', [
      ...['-loglevel', 'error', '-y', '-f', 'mjpeg', '-framerate', String(fps), '-i', src],
      ...scale,
      ...['-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', out],
    ]);
  return out;
}

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  }).trim();
}

/**
 * Chromium's GPU flags: `--disable-gpu` (every benchmark's default and the e2e suite's), or with `webgl` a
 * GPU process on SwiftShader, as a browser with a GPU runs: video frames and bitmaps then live in (software)
 * GPU memory, and tasks-vision's GPU delegate has a WebGL2 to run on.
 */
export const gpuFlags = (webgl) =>
  webgl ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : ['--disable-gpu'];

/** One probe run in its own Chromium; `delegate` is the bare loop's, `webgl` as in gpuFlags (default camera.webgl). */
export async function probeClip(
  baseUrl,
  clip,
  { seconds, record, bare = false, camera = {}, delegate = 'CPU', webgl = camera.webgl === true },
) {
  const file = clipFile(clip, camera);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`,
      ...gpuFlags(webgl),
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
      delegate,
    });
  } finally {
    await browser.close();
  }
}
