#!/usr/bin/env node
// Load test: C capture sessions at once against the built adapter with its embedded analysis service
// (session → upload of one shot set → poll until the verdict), the way the plugin drives it. The
// pass criterion is 0 errors: every session must reach its verdict. It prints numbers (wall time,
// throughput, p50/p95/max per stage, result reads, the adapter's peak memory, CPU) and asserts
// nothing about speed. Exits 1 when a session failed.
//
// Usage: pnpm load [--sessions C] [--poll MS] [--frames F] [--pool N] [--smoke]
//   --sessions concurrent sessions (default 200)   --poll result polling interval ms (default 500)
//   --frames   JPEG frames per shot set (default 10)
//   --pool     N adapters + N analysis workers on PostgreSQL and Redis (as bench:server --pool)
//   --smoke    5 sessions of 2 frames: CI checks that the script and the path work
// Needs `pnpm build` and `pnpm models`; the face comes from $LIVENESS_FIXTURES (default ../shared/fixtures).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, quantile, table } from './lib/bench-format.mjs';
import { runSession, shotSet, startAdapter } from './lib/capture-session.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const out = { sessions: 200, poll: 500, frames: 10, pool: 0, smoke: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--sessions') out.sessions = value();
    else if (flag === '--poll') out.poll = value();
    else if (flag === '--frames') out.frames = value();
    else if (flag === '--pool') out.pool = value();
    else if (flag === '--smoke') Object.assign(out, { smoke: true, sessions: 5, frames: 2 });
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: pnpm load [--sessions C] [--poll MS] [--frames F] [--pool N] [--smoke]');
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  for (const k of ['sessions', 'poll', 'frames'])
    if (!(Number.isInteger(out[k]) && out[k] > 0)) throw new Error(`--${k} must be a positive whole number`);
  if (!(Number.isInteger(out.pool) && out.pool >= 0)) throw new Error('--pool must be a whole number');
  return out;
}

/** Peak resident memory (VmHWM) of a process in MB, from /proc (Linux); undefined when unreadable. */
function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** "upload: 503 {"code":"api_unavailable"…}" → "upload 503 api_unavailable": errors counted by kind. */
function errorKind(message) {
  const m = /^(\w+): (\d+) (.*)$/s.exec(message);
  if (!m) return message.split('\n')[0].slice(0, 80);
  const code = /"code":"([^"]+)"/.exec(m[3])?.[1] ?? '';
  return `${m[1]} ${m[2]} ${code}`.trim();
}

const loadAverage = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');

async function startTarget(dataDir, pool) {
  if (pool > 0) {
    const { startPool } = await import('./lib/bench-pool.mjs');
    return { ...(await startPool(repoRoot, pool, dataDir)), pids: [] };
  }
  // result_mode status: the page sees each analysis' resolution, so the verdicts can be counted.
  const adapter = await startAdapter(repoRoot, dataDir, { OZ_ADAPTER_RESULT_MODE: 'status' });
  return {
    urls: [adapter.url],
    stop: adapter.stop,
    cpuSeconds: () => ({ adapter: adapter.cpuSeconds() }),
    pids: [adapter.pid],
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  console.log(`load — ${new Date().toISOString()}`);
  console.log(`machine: ${cores} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
  console.log(`load average at start (1/5/15 min): ${loadAverage()}`);
  console.log(
    `${args.sessions} concurrent sessions (session → upload → poll every ${args.poll} ms), ${args.frames} frames per shot set`,
  );
  console.log(
    args.pool
      ? `target: pool of ${args.pool} adapter(s) + ${args.pool} analysis worker(s), PostgreSQL, Redis`
      : 'target: one adapter process with its embedded analysis service (the default)',
  );
  const data = await shotSet(args.frames);
  const dir = mkdtempSync(join(os.tmpdir(), 'load-sessions-'));
  const target = await startTarget(dir, args.pool);
  let failed = 0;
  try {
    const counters = { reads: 0 };
    // Warm-up (the first inference builds the graphs), not counted.
    await runSession(target.urls, data, args.poll, counters);
    counters.reads = 0;
    const cpuBefore = target.cpuSeconds();
    const t0 = performance.now();
    const settled = await Promise.allSettled(
      Array.from({ length: args.sessions }, () => runSession(target.urls, data, args.poll, counters)),
    );
    const wall = performance.now() - t0;
    const cpuAfter = target.cpuSeconds();
    const runs = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value);
    // A network failure is "request failed" with the reason in `cause` (a timeout, a reset): keep it.
    const errors = settled
      .filter((s) => s.status === 'rejected')
      .map((s) => {
        const cause = s.reason?.cause;
        const why = cause ? ` (${cause.code ?? cause.name ?? String(cause)})` : '';
        return `${String(s.reason?.message)}${why}`;
      });
    failed = errors.length;
    const byKind = new Map();
    for (const e of errors) byKind.set(errorKind(e), (byKind.get(errorKind(e)) ?? 0) + 1);
    const stat = (key) => {
      const xs = runs.map((r) => r[key]);
      return xs.length
        ? `${fmt(quantile(xs, 0.5), 0)} / ${fmt(quantile(xs, 0.95), 0)} / ${fmt(Math.max(...xs), 0)}`
        : '-';
    };
    const peaks = target.pids.map(peakRssMb).filter((v) => v !== undefined);
    const rows = [
      ['sessions started', String(args.sessions)],
      ['sessions finished with a verdict', String(runs.length)],
      ['errors', String(errors.length)],
      ['errors by kind', [...byKind].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none'],
      ['wall time s', fmt(wall / 1000, 1)],
      ['throughput sessions/s', fmt((runs.length / wall) * 1000, 2)],
      ['session total p50 / p95 / max ms', stat('total')],
      ['upload answered p50 / p95 / max ms', stat('upload')],
      ['verdict after upload p50 / p95 / max ms', stat('verdict')],
      ['result reads', String(counters.reads)],
      [
        'CPU s used',
        Object.keys(cpuAfter)
          .map((k) => `${k} ${fmt(cpuAfter[k] - cpuBefore[k], 1)}`)
          .join(', '),
      ],
      ['adapter peak RSS MB (VmHWM)', peaks.length ? peaks.map((p) => fmt(p, 0)).join(', ') : 'n/a'],
      ['verdicts seen', [...new Set(runs.map((r) => r.verdictValue))].join(' | ')],
    ];
    console.log('');
    console.log(table(['measure', 'value'], rows));
    if (errors[0]) console.log(`first error: ${errors[0]}`);
  } finally {
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nload average at end (1/5/15 min): ${loadAverage()}`);
  if (failed > 0) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
