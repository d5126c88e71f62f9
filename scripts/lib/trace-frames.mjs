// The page's main-thread work per analysed frame, from a Chromium trace: the busiest renderer main thread's
// top-level tasks are cut at the analysed frames' times (on_frame's performance.now(), put on the trace's
// clock by the one `oz-origin` user-timing mark), and each frame interval's busy time is summed. Prints
// p50 / p95 / max and the task names that cost most.
import { fmt, quantile, table } from './bench-format.mjs';

/** `frameTimes` and `origin` are performance.now() values from captureOnce (scripts/lib/bench-captures.mjs). */
export function mainPerFrame(events, names, busy, { frameTimes, origin }) {
  const mains = [...busy.entries()].filter(([key]) => names.get(key) === 'CrRendererMain');
  if (!mains.length) return 'no renderer main thread in the trace';
  const [mainKey] = mains.sort((a, b) => b[1] - a[1])[0];
  const originMark = events.find((e) => e.name === 'oz-origin' && `${e.pid}:${e.tid}` === mainKey);
  if (!originMark) return 'no oz-origin mark on the main thread';
  const marks = frameTimes.map((t) => originMark.ts + (t - origin) * 1000);
  if (marks.length < 3) return `only ${marks.length} analysed frames`;
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      `${e.pid}:${e.tid}` === mainKey &&
      String(e.cat).split(',').includes('toplevel') &&
      e.ts >= marks[0] &&
      e.ts < marks[marks.length - 1],
  );
  const perFrame = new Array(marks.length - 1).fill(0);
  for (const t of tasks) {
    // The interval a task starts in gets its whole CPU time (a task is not split across frames).
    let lo = 0;
    let hi = marks.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (marks[mid] <= t.ts) lo = mid;
      else hi = mid;
    }
    perFrame[lo] += (t.tdur ?? t.dur ?? 0) / 1000;
  }
  // Which work the main thread does: the slices directly under its top-level tasks, by name.
  const byName = new Map();
  const inside = events.filter(
    (e) =>
      e.ph === 'X' &&
      `${e.pid}:${e.tid}` === mainKey &&
      !String(e.cat).split(',').includes('toplevel') &&
      e.ts >= marks[0] &&
      e.ts < marks[marks.length - 1],
  );
  for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  const top = [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([n, ms]) => [n, fmt(ms, 1), fmt(ms / perFrame.length, 2)]);
  const sorted = [...perFrame].sort((a, b) => a - b);
  // The costliest intervals, with their longest slices: what the p95 is made of.
  const worst = perFrame
    .map((ms, i) => ({ ms, i }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ ms, i }) => {
      const slices = new Map();
      for (const e of inside)
        if (e.ts >= marks[i] && e.ts < marks[i + 1])
          slices.set(e.name, (slices.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
      const named = [...slices.entries()]
        .sort((a, b) => b[1] - a[1])
        .filter(([n]) => n !== 'RunTask')
        .slice(0, 4)
        .map(([n, v]) => `${n} ${fmt(v, 2)}`)
        .join(', ');
      return [`#${i + 1} of ${perFrame.length}`, fmt((marks[i + 1] - marks[i]) / 1000, 1), fmt(ms, 2), named];
    });
  return [
    `page main thread per analysed frame (${perFrame.length} intervals between analysed frames): p50 ${fmt(quantile(sorted, 0.5), 2)} ms, p95 ${fmt(quantile(sorted, 0.95), 2)} ms, max ${fmt(sorted[sorted.length - 1], 2)} ms`,
    table(['slice (nested, may overlap)', 'ms', 'ms per frame'], top),
    table(['costliest interval', 'interval ms', 'busy ms', 'longest slices (ms)'], worst),
  ].join('\n');
}
