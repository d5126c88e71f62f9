#!/usr/bin/env node
// On-device liveness benchmark in real Debian Chromium with the fake camera. Prints numbers; not a test.
//
// 1. Inference: the built on-device worker (onnxruntime-web, MiniFASNetV2 + V1SE) on one 640x480 frame of a
//    live webcam clip, scored --frames times in a row: model load ms, ms per frame (both models, decode and
//    preprocessing included), p50/p95 over the frames after the first.
// 2. Bytes: what a page loads for open({on_device: true}) on top of the plain plugin (the worker, onnxruntime's
//    glue and wasm, the two models), raw as the adapter serves them and gzip -6 as a compressing proxy would.
// 3. open() → first hint (the first analysed frame) with adapter preinit off and full, --runs times each.
//
// Usage: pnpm bench:ondevice [--frames N] [--runs N]
// Needs `pnpm build` (plugin + adapter dist) and `pnpm models` (.assets); fixtures from $LIVENESS_FIXTURES.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { fmt, kB, quantile, table } from './lib/bench-format.mjs';
import { chromiumPath, fixturesDir, repoRoot } from './lib/probe-run.mjs';

function parseArgs(argv) {
  const out = { frames: 30, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--frames') out.frames = value();
    else if (flag === '--runs') out.runs = value();
    else throw new Error(`unknown option ${argv[i]} (usage: pnpm bench:ondevice [--frames N] [--runs N])`);
  }
  if (!(out.frames >= 2) || !(out.runs >= 1)) throw new Error('--frames must be ≥ 2 and --runs ≥ 1');
  return out;
}

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

async function startAdapter(extraEnv) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repoRoot, 'packages', 'adapter', 'dist', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      OZ_ADAPTER_TRUSTED_TEST_DEVICES: '*.mjpeg',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = `http://127.0.0.1:${port}/`;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`adapter did not start in 60 s:\n${log}`)), 60_000);
    child.stdout.on('data', (d) => {
      log += d;
      if (log.includes(url)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (d) => {
      log += d;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`adapter exited with ${code}:\n${log}`));
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const clip = join(fixturesDir, 'video', 'neutral_frontal.mjpeg');

function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${clip}`,
      '--disable-gpu',
    ],
  });
}

/** The first JPEG frame of the clip (an .mjpeg is concatenated JPEGs). */
function firstFrame() {
  const bytes = readFileSync(clip);
  const end = bytes.indexOf(Buffer.from([0xff, 0xd9]));
  return bytes.subarray(0, end + 2).toString('base64');
}

// Runs in the page: the vision worker for the face box, then the on-device worker scoring the frame N times.
async function inferenceInPage({ base, jpeg, frames }) {
  // The demo page is on the adapter's origin, so the workers start directly (as the plugin does there).
  const start = (url) => new Worker(url);
  const next = (w, type) =>
    new Promise((resolve, reject) => {
      w.onerror = (e) => reject(new Error(e.message));
      w.onmessage = (e) => {
        if (e.data.type === type) resolve(e.data);
        else if (String(e.data.type).endsWith('failed')) reject(new Error(String(e.data.detail)));
      };
    });
  const blob = new Blob([Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });
  const vision = start(`${base}plugin/vision_worker.js`);
  const vReady = next(vision, 'ready');
  vision.postMessage({
    type: 'init',
    wasmBaseUrl: `${base}assets/wasm`,
    modelUrl: `${base}assets/models/face_landmarker.task`,
  });
  await vReady;
  const res = next(vision, 'result');
  const bitmap = await createImageBitmap(blob);
  vision.postMessage({ type: 'frame', id: 1, timestamp: 1, image: bitmap, record: null }, [bitmap]);
  const { box } = (await res).metrics;
  vision.terminate();
  const w = start(`${base}plugin/ondevice_worker.js`);
  const t0 = performance.now();
  const ready = next(w, 'ready');
  w.postMessage({
    type: 'init',
    ortBaseUrl: `${base}assets/ort/`,
    modelUrls: [`${base}assets/models/MiniFASNetV2.onnx`, `${base}assets/models/MiniFASNetV1SE.onnx`],
    detectorUrl: `${base}assets/models/fr_detect.onnx`,
    webgpu: false,
  });
  const r = await ready;
  const loadMs = performance.now() - t0;
  const perFrame = [];
  for (let i = 0; i < frames; i++) {
    const s = next(w, 'scores');
    w.postMessage({ type: 'analyse', id: i + 1, frames: [{ jpeg: blob, box }] });
    perFrame.push((await s).ms);
  }
  w.terminate();
  return {
    backend: r.backend,
    threads: r.threads,
    initMs: r.initMs,
    loadMs,
    perFrame,
    isolated: self.crossOriginIsolated,
  };
}

async function benchInference(frames) {
  const adapter = await startAdapter({});
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(adapter.url);
    const r = await page.evaluate(inferenceInPage, { base: adapter.url, jpeg: firstFrame(), frames });
    const warm = r.perFrame.slice(1);
    console.log(
      '\n1. On-device inference (MiniFASNetV2 + V1SE, one 640x480 frame, decode + crop + both models)',
    );
    console.log(
      table(
        [
          'backend',
          'threads',
          'cross-origin isolated',
          'model load ms',
          'first frame ms',
          'p50 ms/frame',
          'p95 ms/frame',
          'frames',
        ],
        [
          [
            r.backend,
            r.threads,
            r.isolated,
            fmt(r.initMs, 0),
            fmt(r.perFrame[0]),
            fmt(quantile(warm, 0.5)),
            fmt(quantile(warm, 0.95)),
            warm.length,
          ],
        ],
      ),
    );
  } finally {
    await browser.close();
    adapter.stop();
  }
}

function benchBytes() {
  const files = [
    ['plugin/ondevice_worker.js', join(repoRoot, 'packages', 'plugin', 'dist', 'iife', 'ondevice_worker.js')],
    ['assets/ort/ort-wasm-simd-threaded.mjs', join(repoRoot, '.assets', 'ort', 'ort-wasm-simd-threaded.mjs')],
    [
      'assets/ort/ort-wasm-simd-threaded.wasm',
      join(repoRoot, '.assets', 'ort', 'ort-wasm-simd-threaded.wasm'),
    ],
    ['assets/models/MiniFASNetV2.onnx', join(repoRoot, '.assets', 'models', 'MiniFASNetV2.onnx')],
    ['assets/models/MiniFASNetV1SE.onnx', join(repoRoot, '.assets', 'models', 'MiniFASNetV1SE.onnx')],
    ['assets/models/fr_detect.onnx', join(repoRoot, '.assets', 'models', 'fr_detect.onnx')],
  ];
  const rows = [];
  let raw = 0;
  let gz = 0;
  for (const [name, path] of files) {
    const bytes = readFileSync(path);
    const g = gzipSync(bytes, { level: 6 }).length;
    raw += bytes.length;
    gz += g;
    rows.push([name, kB(bytes.length), kB(g)]);
  }
  rows.push(['total (wasm backend)', kB(raw), kB(gz)]);
  const gpu = readFileSync(join(repoRoot, '.assets', 'ort', 'ort-wasm-simd-threaded.asyncify.wasm'));
  rows.push(['WebGPU build instead: …asyncify.wasm', kB(gpu.length), kB(gzipSync(gpu, { level: 6 }).length)]);
  console.log('\n2. Bytes a page loads for on_device (kB; the plain plugin loads none of these)');
  console.log(table(['file', 'raw kB', 'gzip -6 kB'], rows));
}

// Runs in the page: open() with diagnostics; resolves with the ms to the first analysed frame (its hint).
function firstHintInPage() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let seen = false;
    window.OzLiveness.open({
      action: ['video_selfie_blank'],
      diagnostics: {
        on_frame: (f) => {
          if (seen) return;
          seen = true;
          const ms = performance.now() - t0;
          window.OzLiveness.close();
          resolve({ ms, hint: f.hint });
        },
      },
    });
  });
}

async function benchFirstHint(runs) {
  const rows = [];
  for (const preinit of ['off', 'full']) {
    const adapter = await startAdapter({ OZ_ADAPTER_PREINIT: preinit });
    const times = [];
    try {
      for (let i = 0; i < runs; i++) {
        // A fresh browser per run: an empty HTTP cache, as a first visit.
        const browser = await launch();
        try {
          const page = await browser.newPage();
          const ready =
            preinit === 'full'
              ? page.waitForEvent('requestfinished', {
                  predicate: (r) => r.url().endsWith('face_landmarker.task'),
                  timeout: 60_000,
                })
              : null;
          await page.goto(adapter.url);
          await page.waitForFunction(() => typeof window.OzLiveness === 'object');
          if (ready) {
            await ready;
            await page.waitForTimeout(3000); // the model initialises after its download
          } else await page.waitForTimeout(3000);
          const r = await page.evaluate(firstHintInPage);
          times.push(r.ms);
        } finally {
          await browser.close();
        }
      }
    } finally {
      adapter.stop();
    }
    rows.push([
      preinit,
      runs,
      fmt(quantile(times, 0.5), 0),
      fmt(Math.min(...times), 0),
      fmt(Math.max(...times), 0),
    ]);
  }
  console.log(
    '\n3. open() → first hint (first analysed frame), fresh browser each run, 3 s idle before open()',
  );
  console.log(table(['preinit', 'runs', 'median ms', 'min ms', 'max ms'], rows));
}

const args = parseArgs(process.argv.slice(2));
console.log(
  `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await benchInference(args.frames);
benchBytes();
await benchFirstHint(args.runs);
console.log(
  `\nload average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
