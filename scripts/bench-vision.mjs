#!/usr/bin/env node
// Vision and capture benchmark in real Debian Chromium with the fake camera. Prints numbers; not a test.
//
// Part 1 (vision probe, scripts/vision-probe/index.html): the built vision worker over each fixture clip —
//   worker inference ms (p50/p95), worker round trip, main-thread createImageBitmap ms (p95), analysed fps
//   vs camera fps, model init ms.
// Part 2 (the real plugin, served by the adapter's demo page): OzLiveness.open() for each action on the clip
//   that shows it — frames, JPEG bytes, PNG best-frame bytes, time to capture, analysed fps and the
//   plugin's main-thread cost.
//
// Part 3 (the naive loop): a bare single-worker FaceLandmarker on the same camera source, run before and
//   after part 2 in the same process; the ratio plugin ÷ bare is the throughput goal (≥ 1.5).
//
// Usage: pnpm bench:vision [--clips a,b] [--seconds N] [--fps F] [--size WxH] [--webgl]
//   --clips    fixture clips to run (default: all seven); part 2 runs the actions whose clip is listed
//   --seconds  seconds of camera feed per clip in parts 1 and 3 (default 5)
//   --fps      camera frame rate (default 60): other than 30, each clip is turned into a Y4M with ffmpeg in
//              the temp folder, its frames played at F fps — a camera that offers more frames than one
//              worker analyses (at 30 fps a single worker already takes nearly every frame)
//   --size     camera frame size, e.g. 1280x720 (default: the fixture's 640x480): the Y4M is scaled with
//              ffmpeg, the frame an HD webcam gives for the plugin's 1280x720 request
//   --webgl    Chromium with a GPU process on SwiftShader instead of --disable-gpu (scripts/lib/probe-run.mjs
//              gpuFlags), as a browser with a GPU runs: frames and bitmaps in (software) GPU memory
// Needs `pnpm build` (plugin + adapter dist) and `pnpm models` (.assets); fixtures from $LIVENESS_FIXTURES.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { benchCaptures } from './lib/bench-captures.mjs';
import { fmt, quantile, table } from './lib/bench-format.mjs';
import { chromiumPath, fixturesDir, probeClip, repoRoot, startProbeServer } from './lib/probe-run.mjs';

const ALL_CLIPS = [
  'neutral_frontal',
  'head_turn_and_nod',
  'smile_broad',
  'selfie_blink_smile',
  'no_face_empty_room',
  'two_faces',
  'head_turn_left_right',
];

function parseArgs(argv) {
  const out = { clips: ALL_CLIPS, seconds: 5, fps: 60, size: null, webgl: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--clips') out.clips = value().split(',').filter(Boolean);
    else if (flag === '--seconds') out.seconds = Number(value());
    else if (flag === '--fps') out.fps = Number(value());
    else if (flag === '--size') out.size = value();
    else if (flag === '--webgl') out.webgl = true;
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: pnpm bench:vision [--clips a,b] [--seconds N] [--fps F] [--size WxH] [--webgl]');
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  const unknown = out.clips.filter((c) => !ALL_CLIPS.includes(c));
  if (unknown.length)
    throw new Error(`unknown clip(s) ${unknown.join(', ')}; known: ${ALL_CLIPS.join(', ')}`);
  if (!(out.seconds > 0)) throw new Error('--seconds must be a positive number');
  if (!(Number.isInteger(out.fps) && out.fps > 0)) throw new Error('--fps must be a whole positive number');
  if (out.size !== null && !/^\d{2,4}x\d{2,4}$/.test(out.size))
    throw new Error('--size must look like 1280x720');
  out.camera = { fps: out.fps, size: out.size, webgl: out.webgl };
  return out;
}

// ── part 1: the vision worker through the probe page ─────────────────────────────────────────────
async function benchVision(clips, seconds, camera) {
  const server = await startProbeServer();
  const rows = [];
  try {
    for (const clip of clips) {
      const t = performance.now();
      const res = await probeClip(server.url, clip, { seconds, record: 0, camera });
      // The first detectForVideo call also warms the graph up: it is reported on its own, not in p50/p95.
      const warm = res.frames.slice(1);
      const inf = warm.map((f) => f.inferenceMs);
      const trip = warm.map((f) => f.roundTripMs).filter((v) => typeof v === 'number');
      const withFace = res.frames.filter((f) => f.faceCount > 0).length;
      const w = res.frames[0]?.frameWidth;
      const h = res.frames[0]?.frameHeight;
      rows.push([
        clip,
        w ? `${w}x${h}` : '–',
        fmt(res.initMs, 0),
        fmt(res.frames[0]?.inferenceMs, 0),
        res.frames.length,
        withFace,
        fmt(quantile(inf, 0.5)),
        fmt(quantile(inf, 0.95)),
        fmt(quantile(trip, 0.95)),
        fmt(quantile(res.mainMs, 0.5), 2),
        fmt(quantile(res.mainMs, 0.95), 2),
        fmt(res.frames.length / res.seconds),
        fmt(res.presented / res.seconds),
        fmt(res.cameraFps, 0),
      ]);
      process.stderr.write(
        `  vision ${clip}: ${res.frames.length} frames (${fmt((performance.now() - t) / 1000)} s)\n`,
      );
    }
  } finally {
    server.close();
  }
  return table(
    [
      'clip',
      'frame',
      'model init ms',
      'first infer ms',
      'analysed',
      'with face',
      'infer p50 ms',
      'infer p95 ms',
      'round trip p95 ms',
      'main p50 ms',
      'main p95 ms',
      'analysed fps',
      'presented fps',
      'camera fps',
    ],
    rows,
  );
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────
const opts = parseArgs(process.argv.slice(2));
const missing = [
  join(repoRoot, 'packages', 'plugin', 'dist', 'iife'),
  join(repoRoot, 'packages', 'adapter', 'dist', 'main.js'),
].filter((p) => !existsSync(p));
if (missing.length) {
  console.error(`Built files missing (${missing.join(', ')}). Run \`pnpm build\` first.`);
  process.exit(1);
}
if (!existsSync(join(repoRoot, '.assets', 'models', 'face_landmarker.task'))) {
  console.error('Model files missing in .assets/. Run `pnpm models` first.');
  process.exit(1);
}
const absent = opts.clips.filter((c) => !existsSync(join(fixturesDir, 'video', `${c}.mjpeg`)));
if (absent.length) {
  console.error(
    `Fixture clip(s) missing in ${join(fixturesDir, 'video')}: ${absent.join(', ')} (set LIVENESS_FIXTURES)`,
  );
  process.exit(1);
}

const started = Date.now();
const cpus = os.cpus();
let chromiumVersion = '?';
try {
  chromiumVersion = execFileSync(chromiumPath(), ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
} catch {
  // reported below from the launched browser instead
}
const load = os.loadavg().map((v) => v.toFixed(2));
console.log(`# open-liveness vision benchmark — ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus.length} cores (${cpus[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `${os.platform()} ${os.release()}, Node ${process.version}`,
);
console.log(
  `browser: ${chromiumVersion} (headless, CPU delegate, ${opts.webgl ? 'GPU process on SwiftShader (--use-angle=swiftshader)' : '--disable-gpu'})`,
);
console.log(
  `camera: ${opts.fps} fps (${opts.fps === 30 && !opts.size ? 'the fixture .mjpeg' : `the fixture's frames as a Y4M at ${opts.fps} fps${opts.size ? `, scaled to ${opts.size}` : ''}`})`,
);
console.log(`load average at start (1/5/15 min): ${load.join(' / ')}`);
console.log(
  'NOTE: numbers are noisy — other jobs (e.g. a Playwright e2e run) may share this machine; compare runs only\n' +
    'at a similar load average.\n',
);

console.log(
  `## Part 1 — vision worker over each clip (${opts.seconds} s of camera feed per clip, no recording)\n`,
);
console.log(await benchVision(opts.clips, opts.seconds, opts.camera));
console.log(`
model init = FilesetResolver + FaceLandmarker.createFromOptions in the worker; first infer = the first
detectForVideo (graph warm-up), left out of the percentiles;
infer = FaceLandmarker.detectForVideo in the worker; round trip = postMessage(bitmap) → result on the main
thread (inference + face pixel stats + messaging); main = createImageBitmap(video) on the main thread;
analysed fps = frames analysed per second of feed (one frame in flight, later frames are skipped);
presented fps = video frames presented to the page; camera fps = the track's frameRate setting.
`);

/** Part 3: the bare loop on each clip (run before and after part 2, so a load change shows up). */
async function benchBare(clips) {
  const out = new Map();
  const server = await startProbeServer();
  try {
    for (const clip of clips) {
      const res = await probeClip(server.url, clip, {
        seconds: opts.seconds,
        bare: true,
        camera: opts.camera,
      });
      out.set(clip, {
        fps: res.frames.length / res.seconds,
        infer: res.frames.slice(1).map((f) => f.inferenceMs),
      });
      process.stderr.write(`  bare ${clip}: ${res.frames.length} frames\n`);
    }
  } finally {
    server.close();
  }
  return out;
}
const captureClips = opts.clips.filter((c) =>
  ['neutral_frontal', 'head_turn_and_nod', 'selfie_blink_smile'].includes(c),
);
const loadBefore = os.loadavg()[0];
const bareBefore = await benchBare(captureClips);

console.log('## Part 2 — the real plugin (adapter demo page, OzLiveness.open) per action on its clip\n');
const captures = await benchCaptures(opts.clips, opts.camera);
console.log(captures.text);
console.log(`
time to capture = open() → on_capture_complete (camera open + model init + positioning + clip); first frame =
open() → first analysed frame (camera + model init); frames / JPEG = frame_list (quality 0.8), kB = 1024 bytes decoded
from the base64 data URLs; PNG best = best_frame_png; bitmap p95 = createImageBitmap on the main thread;
main busy = Chromium's main-thread TaskDuration over the session (all tasks: plugin, Preact UI, video,
data-URL building), per analysed frame and as a share of wall time.
`);
// The same actions with two vision workers (the page reports 4 cores, where the plugin starts the second),
// to show what the second one adds on this machine.
const twoWorkers = await benchCaptures(opts.clips, opts.camera, 4);
const twoFps = new Map(twoWorkers.fps.map((f) => [f.action, f.analysedFps]));
const loadAfter = os.loadavg()[0];
const bareAfter = await benchBare(captureClips);
console.log('## Part 3 — the naive loop: a bare single-worker FaceLandmarker on the same clips, same run\n');
console.log(
  `1-min load average before part 2: ${loadBefore.toFixed(2)}, after it: ${loadAfter.toFixed(2)}\n`,
);
console.log(
  table(
    [
      'action',
      'clip',
      'outcome',
      'plugin analysed fps (recording)',
      'plugin, 2 workers',
      'bare fps before',
      'bare fps after',
      'bare infer p50 ms',
      'ratio (goal ≥ 1.5)',
    ],
    captures.fps.map((f) => {
      const b0 = bareBefore.get(f.clip);
      const b1 = bareAfter.get(f.clip);
      const bare = b0 && b1 ? (b0.fps + b1.fps) / 2 : null;
      return [
        f.action,
        f.clip,
        f.outcome,
        fmt(f.analysedFps),
        fmt(twoFps.get(f.action)),
        fmt(b0?.fps),
        fmt(b1?.fps),
        fmt(b1 ? quantile([...b0.infer, ...b1.infer], 0.5) : null),
        fmt(bare && f.analysedFps ? f.analysedFps / bare : null, 2),
      ];
    }),
  ),
);
console.log(`
bare loop = scripts/vision-probe/bare-worker.js: tasks-vision's own bundle, the same model and options as the
plugin's worker, createImageBitmap(video) → detectForVideo, one frame in flight, for --seconds of feed;
plugin, 2 workers = part 2 again with navigator.hardwareConcurrency reported as 4 (two vision workers); bare runs
before and after part 2 in the same process (the ratio uses their mean), so both see the same machine load.
`);
console.log(
  `load average at end: ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ')}; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
