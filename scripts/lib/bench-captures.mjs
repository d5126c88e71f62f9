// Part 2 of the vision benchmark: the real plugin on the adapter's demo page, one action per session on
// the clip that shows it — frames, JPEG and PNG bytes, time to capture, analysed fps, main-thread cost.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { fmt, kB, quantile, table } from './bench-format.mjs';
import { chromiumPath, clipFile, gpuFlags, repoRoot } from './probe-run.mjs';

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

/** Debian Chromium with the fake camera playing `clip` (scaled/retimed by `camera`, see clipFile; camera.webgl: gpuFlags). */
export function launchCameraBrowser(clip, camera = {}) {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${clipFile(clip, camera)}`,
      ...gpuFlags(camera.webgl === true),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh context on the adapter's demo page, instrumented (instrumentPage), with the plugin loaded.
 * `cores` set: navigator.hardwareConcurrency reports that many (4 gives two vision workers on 2 cores).
 */
export async function openDemoPage(browser, adapterUrl, cores = null) {
  const context = await browser.newContext({ viewport: { width: 960, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(instrumentPage);
  if (cores !== null)
    await page.addInitScript((n) => {
      Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n });
    }, cores);
  await page.goto(`${adapterUrl}/`);
  await page.waitForFunction(() => typeof window.OzLiveness === 'object');
  return { context, page };
}

export async function startAdapter() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repoRoot, 'packages', 'adapter', 'dist', 'main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = `http://127.0.0.1:${port}`;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`adapter did not start in 60 s:\n${log}`)), 60_000);
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
export function instrumentPage() {
  const w = window;
  w.__bench = { bitmapMs: [], cameraFps: null, frameSize: null, longTasks: [] };
  // Main-thread tasks of 50 ms or more (what a person feels as a stall), with their start on performance.now().
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the list stays empty.
  }
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
export function captureOnce({ action, timeoutMs }) {
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
    // One user-timing mark ties performance.now() to the trace's clock (scripts/trace-threads.mjs); frames are
    // then located by their performance.now() alone, since a mark per frame costs the page about 0.4 ms each
    // while tracing, which would count as the plugin's main-thread work.
    performance.mark('oz-origin');
    const origin = performance.getEntriesByName('oz-origin').at(-1)?.startTime ?? performance.now();
    const t0 = performance.now();
    let finished = false;
    const done = (out) => {
      if (finished) return;
      finished = true;
      const b = window.__bench;
      resolve({
        ...out,
        analysed: frameTimes.length,
        frameTimes,
        origin,
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
          // For scripts that act at a given frame (bench-memory profiles the steady state only).
          window.__analysed = frameTimes.length;
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

/**
 * Part 2 for the chosen clips. `cores`: the hardwareConcurrency the page reports (null = the machine's); the
 * plugin starts its second vision worker only from 4, so `cores: 4` measures it with two workers.
 */
export async function benchCaptures(clips, camera = {}, cores = null) {
  const jobs = CAPTURES.filter(([, clip]) => clips.includes(clip));
  if (jobs.length === 0) return { text: '(no capture actions for the chosen clips)', version: null, fps: [] };
  const adapter = await startAdapter();
  const rows = [];
  const fps = [];
  const notes = [];
  let version = null;
  try {
    for (const clip of [...new Set(jobs.map(([, c]) => c))]) {
      const browser = await launchCameraBrowser(clip, camera);
      version = browser.version();
      try {
        for (const [action] of jobs.filter(([, c]) => c === clip)) {
          const { context, page } = await openDemoPage(browser, adapter.url, cores);
          try {
            const cdp = await context.newCDPSession(page);
            await cdp.send('Performance.enable');
            const metric = async (name) =>
              (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
            const task0 = await metric('TaskDuration');
            const r = await page.evaluate(captureOnce, { action, timeoutMs: CAPTURE_TIMEOUT_MS });
            const taskMs = ((await metric('TaskDuration')) - task0) * 1000;
            const sessionS = r.ms / 1000;
            fps.push({ action, clip, analysedFps: r.analysedFps, outcome: r.outcome });
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
  return { text: text + noteText, version, fps };
}
