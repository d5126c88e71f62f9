#!/usr/bin/env node
// Server benchmark: the built adapter with its embedded analysis service, driven over HTTP the way the
// plugin drives it (session → upload of one shot set → poll the result until finished). Prints numbers;
// it is not a test and asserts nothing about speed.
//
// In ONE run it measures:
//   1. the single-session time: sessions one after another, upload start → finished verdict (median);
//   2. C concurrent sessions, each polling its result every P ms, and compares their wall time with
//      the ideal `C × single ÷ cores` (efficiency = ideal ÷ wall; the goal is ≥ 0.9).
// It also prints p50/p95 of the upload (POST …/media) and of the verdict (upload answered → finished),
// and the result reads served.
//
// With --pool N it measures a pool instead of the single process: PostgreSQL and redis-server on free
// ports, one analysis API on pg-boss, N analysis workers (dist/worker.js) and N adapters sharing their
// state in Redis; each session is started and polled on one adapter and uploaded through the next.
//
// Usage: pnpm bench:server [--sessions C] [--poll MS] [--single N] [--frames F] [--against DIR] [--pool N]
//        [--cpu-prof DIR] [--smoke]
//   --sessions  concurrent sessions (default 200)     --poll    result polling interval ms (default 250)
//   --single    sequential sessions for the single-session time (default 5)
//   --frames    JPEG frames per shot set (default 10) --smoke   tiny sizes, exits non-zero if a session fails
//   --against   another built checkout (its packages/adapter/dist): measured in the same run, side by side
//   --pool      N adapters + N analysis workers (needs postgresql and redis-server installed)
//   --cpu-prof  DIR: run the adapter under `node --cpu-prof`, its .cpuprofile files (one per thread) in DIR
// Needs `pnpm build` and `pnpm models`; the face comes from $LIVENESS_FIXTURES (default ../shared/fixtures).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, quantile, table } from './lib/bench-format.mjs';
import { runSession, shotSet, startAdapter } from './lib/capture-session.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const out = {
    sessions: 200,
    poll: 250,
    single: 5,
    frames: 10,
    smoke: false,
    against: undefined,
    pool: 0,
    cpuProf: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--sessions') out.sessions = value();
    else if (flag === '--poll') out.poll = value();
    else if (flag === '--single') out.single = value();
    else if (flag === '--frames') out.frames = value();
    else if (flag === '--against') out.against = resolve(inline ?? argv[++i]);
    else if (flag === '--pool') out.pool = value();
    else if (flag === '--cpu-prof') out.cpuProf = resolve(inline ?? argv[++i]);
    else if (flag === '--smoke') Object.assign(out, { smoke: true, sessions: 3, single: 1, frames: 2 });
    else if (flag === '--help' || flag === '-h') {
      console.log(
        'usage: pnpm bench:server [--sessions C] [--poll MS] [--single N] [--frames F] [--against DIR] [--pool N] [--cpu-prof DIR] [--smoke]',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  for (const k of ['sessions', 'poll', 'single', 'frames'])
    if (!(out[k] > 0)) throw new Error(`--${k} must be a positive number`);
  if (!(Number.isInteger(out.pool) && out.pool >= 0)) throw new Error('--pool must be a whole number');
  if (out.cpuProf && out.pool)
    throw new Error('--cpu-prof profiles the single adapter process, not a --pool');
  return out;
}

const sumCpu = (byRole) => Object.values(byRole).reduce((a, b) => a + b, 0);

/** The single process (embedded analysis) or, with --pool, a pool; both answer { urls, stop }. */
async function startTarget(root, dataDir, pool, cpuProf) {
  if (pool > 0) {
    const { startPool } = await import('./lib/bench-pool.mjs');
    return startPool(root, pool, dataDir);
  }
  // One profile per thread (main and inference workers), written when the adapter exits.
  const nodeArgs = cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : [];
  const adapter = await startAdapter(root, dataDir, {}, nodeArgs);
  return { urls: [adapter.url], stop: adapter.stop, cpuSeconds: () => ({ adapter: adapter.cpuSeconds() }) };
}

const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');

/** Warm-up, single-session runs, then C concurrent sessions, against the adapter built in `root`. */
async function measure(root, args, data, cores) {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-server-'));
  const loadStart = load();
  const target = await startTarget(root, dir, args.pool, args.cpuProf);
  try {
    const counters = { reads: 0 };
    // Warm-up (the first inference builds the graphs), not counted.
    await runSession(target.urls, data, args.poll, counters);
    const single = [];
    const cpuSingle0 = sumCpu(target.cpuSeconds());
    for (let i = 0; i < args.single; i++) single.push(await runSession(target.urls, data, 25, counters));
    const cpuPerSingle = (sumCpu(target.cpuSeconds()) - cpuSingle0) / args.single;
    const singleMs = quantile(
      single.map((s) => s.uploadToVerdict),
      0.5,
    );
    counters.reads = 0;
    const cpuBefore = target.cpuSeconds();
    const generatorBefore = process.cpuUsage();
    const t0 = performance.now();
    const settled = await Promise.allSettled(
      Array.from({ length: args.sessions }, () => runSession(target.urls, data, args.poll, counters)),
    );
    const wall = performance.now() - t0;
    const cpuAfter = target.cpuSeconds();
    const generatorUsage = process.cpuUsage(generatorBefore);
    // The load generator shares the machine: what it burns, the server cannot have.
    const generatorCpu = (generatorUsage.user + generatorUsage.system) / 1e6;
    const cpuShare = Object.keys(cpuAfter)
      .map((k) => `${k} ${fmt(cpuAfter[k] - cpuBefore[k], 1)}`)
      .join(', ');
    const runs = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value);
    const errors = settled.filter((s) => s.status === 'rejected').map((s) => String(s.reason?.message));
    const ideal = (args.sessions * singleMs) / cores;
    const cpuConcurrent = sumCpu(cpuAfter) - sumCpu(cpuBefore);
    const q = (key, p) =>
      quantile(
        runs.map((r) => r[key]),
        p,
      );
    return {
      failed: errors.length,
      firstError: errors[0],
      rows: [
        ['load average at start of this part', loadStart],
        ['single session, upload → verdict p50 ms', fmt(singleMs, 0)],
        ['single session runs ms', single.map((s) => fmt(s.uploadToVerdict, 0)).join(', ')],
        [`${args.sessions} concurrent sessions, wall s`, fmt(wall / 1000, 2)],
        ['ideal C × single ÷ cores s', fmt(ideal / 1000, 2)],
        ['efficiency (ideal ÷ wall; goal ≥ 0.90)', fmt(ideal / wall, 2)],
        ['throughput sessions/s', fmt((runs.length / wall) * 1000, 2)],
        ['upload p50 / p95 ms', `${fmt(q('upload', 0.5), 0)} / ${fmt(q('upload', 0.95), 0)}`],
        [
          'verdict p50 / p95 ms (after upload)',
          `${fmt(q('verdict', 0.5), 0)} / ${fmt(q('verdict', 0.95), 0)}`,
        ],
        ['CPU s used in the concurrent part', cpuShare],
        // Load-independent: what the machine's other jobs take away shows in the wall time, not in these.
        ['cores the server got (CPU s ÷ wall s)', fmt(cpuConcurrent / (wall / 1000), 2)],
        [
          'load generator CPU s / cores (this script)',
          `${fmt(generatorCpu, 1)} / ${fmt(generatorCpu / (wall / 1000), 2)}`,
        ],
        [
          'CPU s per session: single / concurrent',
          `${fmt(cpuPerSingle, 3)} / ${fmt(cpuConcurrent / args.sessions, 3)}`,
        ],
        [
          'CPU efficiency (single ÷ concurrent CPU per session)',
          fmt(cpuConcurrent > 0 ? (cpuPerSingle * args.sessions) / cpuConcurrent : null, 2),
        ],
        ['result reads (concurrent part)', String(counters.reads)],
        ['result reads per second', fmt((counters.reads / wall) * 1000, 0)],
        ['sessions failed', String(errors.length)],
        ['verdicts seen', [...new Set(runs.map((r) => r.verdictValue))].join(' | ')],
      ],
    };
  } finally {
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  console.log(`bench:server — ${new Date().toISOString()}`);
  console.log(`machine: ${cores} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
  console.log(`load average at start (1/5/15 min): ${load()}`);
  console.log(
    `sessions ${args.sessions}, polling every ${args.poll} ms, ${args.frames} frames per shot set, single-session runs ${args.single}`,
  );
  console.log(
    args.pool
      ? `target: pool of ${args.pool} adapter(s) + ${args.pool} analysis worker(s), 1 analysis API, PostgreSQL, Redis`
      : 'target: one adapter process with its embedded analysis service (the default)',
  );
  const data = await shotSet(args.frames);
  const builds = [
    ['this tree', repoRoot],
    ...(args.against ? [[`--against ${args.against}`, args.against]] : []),
  ];
  const results = [];
  for (const [label, root] of builds) {
    console.log(`… measuring ${label}`);
    results.push(await measure(root, args, data, cores));
  }
  console.log('');
  const rows = results[0].rows.map((r, i) => [r[0], ...results.map((res) => res.rows[i][1])]);
  console.log(table(['measure', ...builds.map(([label]) => label)], rows));
  for (const r of results) if (r.firstError) console.log(`first error: ${r.firstError}`);
  console.log(`\nload average at end (1/5/15 min): ${load()}`);
  if (args.smoke && results.some((r) => r.failed > 0)) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
