#!/usr/bin/env node
// Memory of the real plugin over back-to-back sessions on the adapter's demo page, with one and with two
// vision workers: the renderer's resident memory before, at its peak during, and after each session, and
// the page main thread's JS allocation per analysed frame (V8's sampling heap profiler, collected objects
// included). Bounded means the peak does not climb from session to session and "after" falls back.
// Prints numbers; not a test.
//
// Usage: node scripts/bench-memory.mjs [--sessions 4] [--workers 1|2|both] [--action video_selfie_scan]
//        [--clip neutral_frontal] [--size 1280x720] (camera size; default the clip's 640×480)
//        [--profile-to 120] [--top 8] (the last session's allocation profile: analysed frames 30 to N, top rows)
import { readFileSync } from 'node:fs';
import { captureOnce, launchCameraBrowser, openDemoPage, startAdapter } from './lib/bench-captures.mjs';
import { fmt, table } from './lib/bench-format.mjs';
import { flags } from './lib/flags.mjs';

const args = flags(['action', 'clip', 'sessions', 'size', 'top', 'workers', 'profile-to']);
const sessions = Number(args.sessions ?? 4);
const action = args.action ?? 'video_selfie_scan';
const clip = args.clip ?? 'neutral_frontal';
const size = args.size ?? null;
/** The steady state profiled in the last session: from this analysed frame to that one. */
const PROFILE_FROM = 30;
const PROFILE_TO = Number(args['profile-to'] ?? 120);
const TOP = Number(args.top ?? 8);
const variants = { 1: [null], 2: [4], both: [null, 4] }[args.workers ?? 'both'];
if (!variants) throw new Error('--workers is 1, 2 or both');
const MB = 1024 * 1024;

/** Resident set of a process in bytes (0 once it is gone). */
function rss(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function rendererPids(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

const adapter = await startAdapter();
const browser = await launchCameraBrowser(clip, { fps: 60, size });
const rows = [];
const allocRows = [];
try {
  for (const cores of variants) {
    const workers = cores === null ? '1 worker' : '2 workers';
    const { context, page } = await openDemoPage(browser, adapter.url, cores);
    await page.waitForTimeout(1000);
    // Every renderer counts: the plugin's workers live in the page's process, and this context has one page.
    const resident = async () => {
      let sum = 0;
      for (const pid of await rendererPids(browser)) sum += rss(pid);
      return sum;
    };
    const before = await resident();
    const cdp = await context.newCDPSession(page);
    for (let s = 1; s <= sessions; s++) {
      let peak = 0;
      const sampler = setInterval(() => {
        resident().then(
          (v) => {
            peak = Math.max(peak, v);
          },
          () => undefined,
        );
      }, 200);
      const profiled = s === sessions;
      const capture = page.evaluate(captureOnce, { action, timeoutMs: 40_000 });
      // The last session's JS allocation over its steady state only: analysed frames FROM to TO, after the
      // model's start and the first screens, before the capture's end (its data URLs are a one-off).
      let steady = null;
      if (profiled) {
        const at = (n) => page.waitForFunction((k) => (window.__analysed ?? 0) >= k, n, { timeout: 40_000 });
        await at(PROFILE_FROM);
        await cdp.send('HeapProfiler.startSampling', {
          samplingInterval: 1024,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
        const first = await page.evaluate(() => window.__analysed);
        await at(PROFILE_TO);
        const { profile } = await cdp.send('HeapProfiler.getSamplingProfile');
        await cdp.send('HeapProfiler.stopSampling');
        steady = { profile, frames: (await page.evaluate(() => window.__analysed)) - first };
      }
      const r = await capture;
      if (steady) {
        // Bytes per function from the sampled allocations (each sample stands for its size).
        const byFn = new Map();
        const walk = (node) => {
          const f = node.callFrame;
          const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
          if (node.selfSize) byFn.set(key, (byFn.get(key) ?? 0) + node.selfSize);
          for (const c of node.children) walk(c);
        };
        walk(steady.profile.head);
        const total = [...byFn.values()].reduce((a, b) => a + b, 0);
        allocRows.push([
          workers,
          `all main-thread JS (${steady.frames} frames)`,
          fmt(total / 1024, 0),
          fmt(total / steady.frames / 1024, 2),
        ]);
        for (const [fn, bytes] of [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP))
          allocRows.push([workers, fn, fmt(bytes / 1024, 0), fmt(bytes / steady.frames / 1024, 2)]);
      }
      clearInterval(sampler);
      // The session goes on to its upload after the capture; closing it ends the workers as a page would.
      await page.evaluate(() => window.OzLiveness.close());
      await page.waitForTimeout(1500);
      const after = await resident();
      // The page's own JS heap after a full collection, and the workers still alive: what the plugin holds.
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const liveWorkers = page.workers().length;
      rows.push([
        workers,
        s,
        r.outcome,
        r.analysed,
        fmt(before / MB, 0),
        fmt(peak / MB, 0),
        fmt(after / MB, 0),
        fmt(usedSize / MB, 1),
        liveWorkers,
      ]);
    }
    await context.close();
  }
  console.log(
    `# plugin memory over ${sessions} back-to-back ${action} sessions on ${clip}${size ? ` at ${size}` : ''}\n`,
  );
  console.log(
    table(
      [
        'vision workers',
        'session',
        'outcome',
        'analysed',
        'renderer MB before 1st',
        'peak MB',
        'after MB',
        'JS heap MB after GC',
        'live workers',
      ],
      rows,
    ),
  );
  console.log(
    '\nrenderer = resident memory (VmRSS) of every Chromium renderer process (the page and its workers);\n' +
      'peak sampled every 200 ms during the session, after = 1.5 s after OzLiveness.close() that followed on_capture_complete.\n',
  );
  console.log(
    `## main-thread JS allocation in session ${sessions}, analysed frames ${PROFILE_FROM} to ${PROFILE_TO} (sampling heap profiler, collected objects included)\n`,
  );
  console.log(table(['vision workers', 'function', 'kB', 'kB per analysed frame'], allocRows));
} finally {
  await browser.close();
  adapter.stop();
}
