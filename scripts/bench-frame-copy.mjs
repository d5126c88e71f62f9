#!/usr/bin/env node
// Ways to get a camera frame's pixels in a worker, side by side in one browser: the time each takes per
// frame on the worker's thread, and how much of Chromium's discardable memory it leaves behind in
// the renderer (memory-infra dump after each method). The frame worker's choice (camera/frame-worker.ts)
// rests on these numbers. Prints numbers; not a test.
//
// Usage: node scripts/bench-frame-copy.mjs [--frames 140] [--methods bitmap,copyTo,...] [--clip neutral_frontal]
//        [--size 1280x720] (camera size; default the clip's 640×480)
// The method plugin-worker runs the built frame worker itself (packages/plugin/dist/iife/frame_worker.js, or
// the one in LIVENESS_PLUGIN_DIR for an A/B against another build), with buffers lent back as the page does.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { launchCameraBrowser } from './lib/bench-captures.mjs';
import { fmt, table } from './lib/bench-format.mjs';
import { flags } from './lib/flags.mjs';

const args = flags(['clip', 'frames', 'methods', 'size']);
const frames = Number(args.frames ?? 140);
const clip = args.clip ?? 'neutral_frontal';
const size = args.size ?? null;
const [camWidth, camHeight] = (size ?? '640x480').split('x').map(Number);
const METHODS = {
  'main-bitmap': 'createImageBitmap(video) on the page',
  bitmap: 'createImageBitmap(VideoFrame) in a worker',
  'bitmap+jpeg': 'the same, then drawImage + JPEG',
  copyTo: 'VideoFrame.copyTo(reused buffer, RGBA) in a worker',
  'copyTo+jpeg': 'the same, then putImageData + JPEG',
  drawImage: 'drawImage(VideoFrame) on an OffscreenCanvas',
  'bitmap-scaled': 'createImageBitmap(VideoFrame, resize to 640 wide) in a worker (HD)',
  'plugin-worker': "the plugin's built frame worker, at the analysis size (round trip on the page)",
};
const pluginDir =
  process.env.LIVENESS_PLUGIN_DIR ?? join(import.meta.dirname, '..', 'packages', 'plugin', 'dist', 'iife');
const methods = (args.methods ?? 'main-bitmap,bitmap,bitmap+jpeg,copyTo,copyTo+jpeg,drawImage').split(',');
for (const m of methods) if (!(m in METHODS)) throw new Error(`unknown method ${m}`);

// The worker runs one method per frame and answers with the time it took on its own thread.
const WORKER = `
const canvas = new OffscreenCanvas(640, 480);
const ctx = canvas.getContext('2d', { willReadFrequently: true });
let buffer = null;
async function rgba(frame) {
  const size = frame.allocationSize({ format: 'RGBA' });
  if (!buffer || buffer.byteLength !== size) buffer = new ArrayBuffer(size);
  await frame.copyTo(buffer, { format: 'RGBA' });
  return new ImageData(new Uint8ClampedArray(buffer), frame.displayWidth, frame.displayHeight);
}
self.onmessage = async ({ data: { method, frame } }) => {
  const t0 = performance.now();
  if (method === 'bitmap' || method === 'bitmap+jpeg') {
    const b = await createImageBitmap(frame);
    frame.close();
    if (method === 'bitmap+jpeg') {
      ctx.drawImage(b, 0, 0);
      await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    }
    b.close();
  } else if (method === 'copyTo' || method === 'copyTo+jpeg') {
    const image = await rgba(frame);
    frame.close();
    if (method === 'copyTo+jpeg') {
      ctx.putImageData(image, 0, 0);
      await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    }
  } else if (method === 'bitmap-scaled') {
    const resizeHeight = Math.round((640 * frame.displayHeight) / frame.displayWidth);
    const b = await createImageBitmap(frame, { resizeWidth: 640, resizeHeight, resizeQuality: 'low' });
    frame.close();
    b.close();
  } else if (method === 'drawImage') {
    ctx.drawImage(frame, 0, 0);
    frame.close();
    ctx.getImageData(0, 0, 1, 1);
  }
  self.postMessage(performance.now() - t0);
};`;

/** Runs in the page: feeds `frames` presented camera frames through one method. */
async function runMethod({ method, frames, workerSource, width, height }) {
  const spare = [];
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width, height } });
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  await video.play();
  const worker =
    method === 'plugin-worker'
      ? new Worker('/frame_worker.js')
      : new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
  const times = [];
  await new Promise((resolve, reject) => {
    const step = async () => {
      try {
        if (method === 'plugin-worker') {
          // As camera/frame-copier.ts: the analysis size (640 on the long side), a buffer lent when one is back.
          const long = Math.max(video.videoWidth, video.videoHeight);
          const scale = 640 / long;
          const size =
            long > 640
              ? { width: Math.round(video.videoWidth * scale), height: Math.round(video.videoHeight * scale) }
              : null;
          const frame = new VideoFrame(video);
          const buffer = spare.pop() ?? null;
          const t0 = performance.now();
          const answer = await new Promise((done) => {
            worker.onmessage = (ev) => done(ev.data);
            worker.postMessage(
              { id: times.length + 1, frame, size, jpegQuality: null, buffer },
              buffer ? [frame, buffer] : [frame],
            );
          });
          times.push(performance.now() - t0);
          if (answer.error) throw new Error(answer.error);
          if (answer.spare) spare.push(answer.spare);
          if (answer.image.rgba) spare.push(answer.image.rgba);
          else answer.image.close();
        } else if (method === 'main-bitmap') {
          const t0 = performance.now();
          const b = await createImageBitmap(video);
          times.push(performance.now() - t0);
          b.close();
        } else {
          const frame = new VideoFrame(video);
          times.push(
            await new Promise((done) => {
              worker.onmessage = (ev) => done(ev.data);
              worker.postMessage({ method, frame }, [frame]);
            }),
          );
        }
      } catch (err) {
        reject(err);
        return;
      }
      if (times.length >= frames) resolve();
      else video.requestVideoFrameCallback(step);
    };
    video.requestVideoFrameCallback(step);
  });
  worker.terminate();
  for (const t of stream.getTracks()) t.stop();
  times.sort((a, b) => a - b);
  return { p50: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)] };
}

const browser = await launchCameraBrowser(clip, { fps: 60, size });
const cdp = await browser.newBrowserCDPSession();

/** The renderers' discardable memory in MB, from a detailed memory-infra dump. */
async function discardableMb() {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['disabled-by-default-memory-infra'],
      memoryDumpConfig: { triggers: [] },
    },
    transferMode: 'ReportEvents',
  });
  await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const renderers = new Set(processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
  let bytes = 0;
  for (const e of events) {
    const size = e.ph === 'v' && renderers.has(e.pid) && e.args?.dumps?.allocators?.discardable?.attrs?.size;
    if (size) bytes += Number.parseInt(size.value, 16);
  }
  return bytes / (1024 * 1024);
}

// A bare page of its own: the adapter's demo page forbids blob: workers by its CSP.
const server = http.createServer((req, res) => {
  if (req.url === '/frame_worker.js') {
    res.setHeader('content-type', 'text/javascript');
    res.end(readFileSync(join(pluginDir, 'frame_worker.js')));
    return;
  }
  res.setHeader('content-type', 'text/html');
  res.end('<!doctype html><title>frame copies</title>');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const rows = [];
try {
  for (const method of methods) {
    // A fresh context (its own renderer) per method: Chromium caps discardable memory per process, and a
    // renderer already at the cap would hide what the next method adds.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const before = await discardableMb();
    const r = await page.evaluate(runMethod, {
      method,
      frames,
      workerSource: WORKER,
      width: camWidth,
      height: camHeight,
    });
    await page.waitForTimeout(1000);
    const after = await discardableMb();
    await context.close();
    rows.push([method, METHODS[method], fmt(r.p50, 2), fmt(r.p95, 2), fmt(after - before, 1)]);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(
  `# pixels of ${frames} presented ${camWidth}×${camHeight} frames of ${clip}, one method after the other\n`,
);
console.log(table(['method', 'what', 'ms per frame p50', 'p95', 'discardable MB added'], rows));
console.log(
  '\nms = on the thread doing it (the worker, or the page for main-bitmap); discardable = Chromium renderer' +
    "\nmemory that it may purge under pressure but that counts in the process's resident size.",
);
