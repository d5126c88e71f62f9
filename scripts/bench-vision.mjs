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
// Usage: pnpm bench:vision [--clips a,b] [--seconds N]
//   --clips    fixture clips to run (default: all seven); part 2 runs the actions whose clip is listed
//   --seconds  seconds of camera feed per clip in part 1 (default 5)
// Needs `pnpm build` (plugin + adapter dist) and `pnpm models` (.assets); fixtures from $LIVENESS_FIXTURES.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
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

/** Each action on the clip that shows it (as in e2e/actions.spec.ts). */
const CAPTURES = [
  ['video_selfie_blank', 'neutral_frontal'],
  ['video_selfie_best', 'neutral_frontal'],
  ['video_selfie_scan', 'neutral_frontal'],
  ['video_selfie_left', 'head_turn_and_nod'],
  ['video_selfie_right', 'head_turn_and_nod'],
  ['video_selfie_high', 'head_turn_and_nod'],
  ['video_selfie_down', 'head_turn_and_nod'],
  ['video_selfie_eyes', 'selfie_blink_smile'],
  ['video_selfie_smile', 'selfie_blink_smile'],
];
/** Per-action limit: three gesture attempts fit in 35 s; a pass on its own clip comes much sooner. */
const CAPTURE_TIMEOUT_MS = 40_000;

function parseArgs(argv) {
  const out = { clips: ALL_CLIPS, seconds: 5 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--clips') out.clips = value().split(',').filter(Boolean);
    else if (flag === '--seconds') out.seconds = Number(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: pnpm bench:vision [--clips a,b] [--seconds N]');
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  const unknown = out.clips.filter((c) => !ALL_CLIPS.includes(c));
  if (unknown.length)
    throw new Error(`unknown clip(s) ${unknown.join(', ')}; known: ${ALL_CLIPS.join(', ')}`);
  if (!(out.seconds > 0)) throw new Error('--seconds must be a positive number');
  return out;
}

// ── small number helpers ─────────────────────────────────────────────────────────────────────────
const quantile = (values, q) => {
  if (values.length === 0) return Number.NaN;
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))];
};
const fmt = (v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '–');
const kB = (bytes) => (typeof bytes === 'number' ? (bytes / 1024).toFixed(1) : '–');

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(cells[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

// ── part 1: the vision worker through the probe page ─────────────────────────────────────────────
async function benchVision(clips, seconds) {
  const server = await startProbeServer();
  const rows = [];
  try {
    for (const clip of clips) {
      const t = performance.now();
      const res = await probeClip(server.url, clip, { seconds, record: 0 });
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

// ── part 2: the real plugin on the adapter's demo page ───────────────────────────────────────────
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startAdapter() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repoRoot, 'packages', 'adapter', 'dist', 'main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = `http://127.0.0.1:${port}`;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`adapter did not start in 15 s:\n${log}`)), 15_000);
    const onData = (d) => {
      log += d;
      if (log.includes(`${url}/`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => {
      log += d;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`adapter exited with ${code}:\n${log}`));
    });
  });
  child.stdout.resume();
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * Installed before the plugin loads: times every createImageBitmap call on the main thread (the plugin's
 * only per-frame main-thread work besides its Preact render) and keeps the camera track's settings.
 */
function instrumentPage() {
  const w = window;
  w.__bench = { bitmapMs: [], cameraFps: null, frameSize: null };
  const original = w.createImageBitmap.bind(w);
  w.createImageBitmap = (...args) => {
    const t = performance.now();
    return original(...args).then((b) => {
      w.__bench.bitmapMs.push(performance.now() - t);
      return b;
    });
  };
  const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (c) => {
    const stream = await gum(c);
    const s = stream.getVideoTracks()[0]?.getSettings() ?? {};
    w.__bench.cameraFps = s.frameRate ?? null;
    w.__bench.frameSize = s.width ? `${s.width}x${s.height}` : null;
    return stream;
  };
}

/** Runs in the page: one OzLiveness session with one action; resolves with sizes and timings. */
function captureOnce({ action, timeoutMs }) {
  const b64Bytes = (url) => {
    if (typeof url !== 'string') return 0;
    const data = url.slice(url.indexOf(',') + 1);
    const pad = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
    return Math.floor((data.length * 3) / 4) - pad;
  };
  return new Promise((resolve) => {
    const frameTimes = [];
    // For actions that do not capture: the hints shown (consecutive repeats collapsed) and the pose seen.
    const hints = [];
    const pose = { yawMin: Infinity, yawMax: -Infinity, pitchMin: Infinity, pitchMax: -Infinity };
    const t0 = performance.now();
    let finished = false;
    const done = (out) => {
      if (finished) return;
      finished = true;
      const b = window.__bench;
      resolve({
        ...out,
        analysed: frameTimes.length,
        firstFrameMs: frameTimes.length ? frameTimes[0] - t0 : null,
        analysedFps:
          frameTimes.length > 1
            ? ((frameTimes.length - 1) * 1000) / (frameTimes[frameTimes.length - 1] - frameTimes[0])
            : null,
        bitmapMs: b.bitmapMs,
        hints: hints.slice(0, 40),
        pose,
        cameraFps: b.cameraFps,
        frameSize: b.frameSize,
      });
    };
    const timer = setTimeout(() => {
      window.OzLiveness.close();
      done({ outcome: 'timeout', ms: performance.now() - t0 });
    }, timeoutMs);
    window.OzLiveness.open({
      action: [action],
      diagnostics: {
        on_frame: (f) => {
          frameTimes.push(performance.now());
          const h = f.hint ?? 'ready';
          if (hints[hints.length - 1] !== h) hints.push(h);
          if (f.box) {
            pose.yawMin = Math.min(pose.yawMin, f.yaw);
            pose.yawMax = Math.max(pose.yawMax, f.yaw);
            pose.pitchMin = Math.min(pose.pitchMin, f.pitch);
            pose.pitchMax = Math.max(pose.pitchMax, f.pitch);
          }
        },
      },
      on_capture_complete(result) {
        clearTimeout(timer);
        const media = result.from_virtual_camera ?? result;
        const frames = media.frame_list ?? [];
        done({
          outcome: 'captured',
          ms: performance.now() - t0,
          frames: frames.length,
          jpegBytes: frames.reduce((n, u) => n + b64Bytes(u), 0),
          pngBytes: b64Bytes(media.best_frame_png),
          virtual: result.from_virtual_camera !== null,
        });
      },
      on_error(error) {
        clearTimeout(timer);
        done({ outcome: `error ${error.code}`, ms: performance.now() - t0 });
      },
    });
  });
}

async function benchCaptures(clips) {
  const jobs = CAPTURES.filter(([, clip]) => clips.includes(clip));
  if (jobs.length === 0) return { text: '(no capture actions for the chosen clips)', version: null };
  const adapter = await startAdapter();
  const rows = [];
  const notes = [];
  let version = null;
  try {
    for (const clip of [...new Set(jobs.map(([, c]) => c))]) {
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: [
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-video-capture=${join(fixturesDir, 'video', `${clip}.mjpeg`)}`,
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
      version = browser.version();
      try {
        for (const [action] of jobs.filter(([, c]) => c === clip)) {
          const context = await browser.newContext({ viewport: { width: 960, height: 720 } });
          try {
            const page = await context.newPage();
            await page.addInitScript(instrumentPage);
            await page.goto(`${adapter.url}/`);
            await page.waitForFunction(() => typeof window.OzLiveness === 'object');
            const cdp = await context.newCDPSession(page);
            await cdp.send('Performance.enable');
            const metric = async (name) =>
              (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
            const task0 = await metric('TaskDuration');
            const r = await page.evaluate(captureOnce, { action, timeoutMs: CAPTURE_TIMEOUT_MS });
            const taskMs = ((await metric('TaskDuration')) - task0) * 1000;
            const sessionS = r.ms / 1000;
            rows.push([
              action,
              clip,
              r.outcome,
              fmt(r.ms / 1000, 2),
              fmt(r.firstFrameMs === null ? null : r.firstFrameMs / 1000, 2),
              r.frames ?? '–',
              kB(r.jpegBytes),
              r.frames ? kB(r.jpegBytes / r.frames) : '–',
              kB(r.pngBytes),
              r.analysed,
              fmt(r.analysedFps),
              fmt(r.cameraFps, 0),
              fmt(quantile(r.bitmapMs, 0.95), 2),
              r.analysed ? fmt(taskMs / r.analysed) : '–',
              fmt((taskMs / 1000 / sessionS) * 100, 0),
            ]);
            process.stderr.write(`  capture ${action} on ${clip}: ${r.outcome} in ${fmt(sessionS, 1)} s\n`);
            if (r.outcome !== 'captured') {
              const p = r.pose;
              notes.push(
                `${action} on ${clip}: ${r.outcome} after ${fmt(sessionS, 1)} s; yaw ${fmt(p.yawMin)}…${fmt(p.yawMax)}°, ` +
                  `pitch ${fmt(p.pitchMin)}…${fmt(p.pitchMax)}°; hints: ${r.hints.join(' → ')}`,
              );
            }
          } finally {
            await context.close();
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    adapter.stop();
  }
  const text = table(
    [
      'action',
      'clip',
      'outcome',
      'time to capture s',
      'first frame s',
      'frames',
      'JPEG total kB',
      'JPEG/frame kB',
      'PNG best kB',
      'analysed',
      'analysed fps',
      'camera fps',
      'bitmap p95 ms',
      'main busy ms/analysed',
      'main busy %',
    ],
    rows,
  );
  const noteText = notes.length
    ? `\n\nNot captured (hints as shown, 'ready' = no hint):\n${notes.map((n) => `- ${n}`).join('\n')}`
    : '';
  return { text: text + noteText, version };
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
console.log(`browser: ${chromiumVersion} (headless, CPU delegate, --disable-gpu)`);
console.log(`load average at start (1/5/15 min): ${load.join(' / ')}`);
console.log(
  'NOTE: numbers are noisy — other jobs (e.g. a Playwright e2e run) may share this machine; compare runs only\n' +
    'at a similar load average.\n',
);

console.log(
  `## Part 1 — vision worker over each clip (${opts.seconds} s of camera feed per clip, no recording)\n`,
);
console.log(await benchVision(opts.clips, opts.seconds));
console.log(`
model init = FilesetResolver + FaceLandmarker.createFromOptions in the worker; first infer = the first
detectForVideo (graph warm-up), left out of the percentiles;
infer = FaceLandmarker.detectForVideo in the worker; round trip = postMessage(bitmap) → result on the main
thread (inference + face pixel stats + messaging); main = createImageBitmap(video) on the main thread;
analysed fps = frames analysed per second of feed (one frame in flight, later frames are skipped);
presented fps = video frames presented to the page; camera fps = the track's frameRate setting.
`);

console.log('## Part 2 — the real plugin (adapter demo page, OzLiveness.open) per action on its clip\n');
const captures = await benchCaptures(opts.clips);
console.log(captures.text);
console.log(`
time to capture = open() → on_capture_complete (camera open + model init + positioning + clip); first frame =
open() → first analysed frame (camera + model init); frames / JPEG = frame_list (quality 0.8), kB = 1024 bytes decoded
from the base64 data URLs; PNG best = best_frame_png; bitmap p95 = createImageBitmap on the main thread;
main busy = Chromium's main-thread TaskDuration over the session (all tasks: plugin, Preact UI, video,
data-URL building), per analysed frame and as a share of wall time.
`);
console.log(
  `load average at end: ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ')}; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
