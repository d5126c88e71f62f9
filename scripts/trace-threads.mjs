#!/usr/bin/env node
// Where the CPU goes during one capture: a Chromium trace of the real plugin on the adapter's demo page
// (one action on its clip), summed per thread (busy ms from the trace's thread durations, and that per
// analysed frame). Prints numbers; not a test. For finding the plugin's per-frame cost beside the model's.
//
// Usage: node scripts/trace-threads.mjs [--action video_selfie_scan] [--clip neutral_frontal] [--size WxH]
//        [--fps F] [--cores N] [--save trace.json]
import { writeFileSync } from 'node:fs';
import { captureOnce, launchCameraBrowser, openDemoPage, startAdapter } from './lib/bench-captures.mjs';
import { fmt, table } from './lib/bench-format.mjs';
import { flags } from './lib/flags.mjs';
import { mainPerFrame } from './lib/trace-frames.mjs';

const args = flags(['action', 'clip', 'cores', 'fps', 'save', 'size']);
const action = args.action ?? 'video_selfie_scan';
const clip = args.clip ?? 'neutral_frontal';
const camera = { fps: Number(args.fps ?? 60), size: args.size ?? null };
const cores = args.cores ? Number(args.cores) : null;

const adapter = await startAdapter();
const browser = await launchCameraBrowser(clip, camera);
try {
  const { page } = await openDemoPage(browser, adapter.url, cores);
  await browser.startTracing(page, {
    categories: [
      'toplevel',
      'blink.user_timing',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
    ],
  });
  const r = await page.evaluate(captureOnce, { action, timeoutMs: 40_000 });
  // Long tasks reach their observer a moment after they end; the capture's last one ends at on_capture_complete.
  await page.waitForTimeout(300);
  const longTasks = await page.evaluate(
    (from) => window.__bench.longTasks.filter((t) => t.start >= from),
    r.origin,
  );
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  const procs = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
    if (e.ph === 'M' && e.name === 'process_name') procs.set(e.pid, e.args.name);
  }
  // Top-level tasks only (toplevel category), so nested slices are not counted twice.
  const busy = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !String(e.cat).split(',').includes('toplevel')) continue;
    const key = `${e.pid}:${e.tid}`;
    busy.set(key, (busy.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  const rows = [...busy.entries()]
    .sort((a, b) => b[1] - a[1])
    .filter(([, ms]) => ms >= 20)
    .map(([key, ms]) => [
      `${procs.get(Number(key.split(':')[0])) ?? '?'} / ${names.get(key) ?? key}`,
      fmt(ms, 0),
      r.analysed ? fmt(ms / r.analysed, 2) : '–',
    ]);
  console.log(
    `${action} on ${clip} (${camera.size ?? 'fixture size'}, camera ${camera.fps} fps${cores ? `, ${cores} cores reported` : ''}): ${r.outcome} in ${fmt(r.ms / 1000, 2)} s, ${r.analysed} frames analysed at ${fmt(r.analysedFps)} fps`,
  );
  console.log(table(['process / thread', 'busy ms', 'ms per analysed frame'], rows));
  if (args.save) writeFileSync(args.save, JSON.stringify(events));
  console.log(mainPerFrame(events, names, busy, r));
  const end = r.origin + r.ms;
  console.log(
    `page long tasks (≥ 50 ms) from open() to on_capture_complete: ${longTasks.length}` +
      (longTasks.length
        ? ` — ${longTasks.map((t) => `${fmt(t.ms, 0)} ms ending ${fmt(end - t.start - t.ms, 0)} ms before the capture's end`).join('; ')}`
        : ''),
  );
} finally {
  await browser.close();
  adapter.stop();
}
