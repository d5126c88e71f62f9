#!/usr/bin/env node
// A V8 CPU profile of the page's main thread during one capture (the real plugin on the adapter's demo page),
// summed by function (self time). Prints numbers; not a test. For finding the plugin's per-frame JS cost.
//
// Usage: node scripts/profile-main.mjs [--action video_selfie_scan] [--clip neutral_frontal] [--size WxH]
//        [--save main.cpuprofile]
import { writeFileSync } from 'node:fs';
import { captureOnce, launchCameraBrowser, openDemoPage, startAdapter } from './lib/bench-captures.mjs';
import { fmt, table } from './lib/bench-format.mjs';
import { flags } from './lib/flags.mjs';

const args = flags(['action', 'clip', 'save', 'size']);
const action = args.action ?? 'video_selfie_scan';
const clip = args.clip ?? 'neutral_frontal';
const camera = { fps: 60, size: args.size ?? null };

const adapter = await startAdapter();
const browser = await launchCameraBrowser(clip, camera);
try {
  const { page } = await openDemoPage(browser, adapter.url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await page.evaluate(captureOnce, { action, timeoutMs: 40_000 });
  const { profile } = await cdp.send('Profiler.stop');
  if (args.save) writeFileSync(args.save, JSON.stringify(profile));
  const dt = new Map();
  const { samples, timeDeltas, nodes } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (let i = 0; i < samples.length; i++) {
    const n = byId.get(samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    dt.set(key, (dt.get(key) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  }
  const rows = [...dt.entries()]
    .filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, ms]) => [k, fmt(ms, 1), r.analysed ? fmt(ms / r.analysed, 3) : '–']);
  console.log(
    `${action} on ${clip}: ${r.outcome}, ${r.analysed} frames analysed at ${fmt(r.analysedFps)} fps`,
  );
  console.log(table(['function (self time)', 'ms', 'ms per analysed frame'], rows));
} finally {
  await browser.close();
  adapter.stop();
}
