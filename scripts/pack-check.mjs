#!/usr/bin/env node
// The packages as a new user gets them: `pnpm pack` each, install the tarballs into a fresh app outside the
// repository (registry packages only besides them), type-check it strict, render it on the server, build it
// with Vite. Prints one JSON line (where the built app is, sizes, timings) for e2e/packed-app.spec.ts.
// Usage: node scripts/pack-check.mjs [--out DIR]   (default: a new temp dir; nothing is cached outside it)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..');
const outArg = process.argv.indexOf('--out');
const work = outArg > 0 ? process.argv[outArg + 1] : mkdtempSync(join(tmpdir(), 'ol-pack-'));
mkdirSync(work, { recursive: true });
const timings = {};
const step = (name, fn) => {
  const t0 = performance.now();
  const out = fn();
  timings[name] = Math.round(performance.now() - t0);
  return out;
};
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const packs = join(work, 'tarballs');
mkdirSync(packs, { recursive: true });
const tarballs = {};
step('pack', () => {
  for (const pkg of ['plugin', 'react']) {
    const out = run('pnpm', ['pack', '--pack-destination', packs], join(repo, 'packages', pkg)).trim();
    tarballs[`@open-liveness/${pkg}`] = out.split('\n').pop();
  }
});

const app = join(work, 'app');
cpSync(join(import.meta.dirname, 'pack-check', 'app'), app, { recursive: true });
const file = (name) => `file:${tarballs[name]}`;
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify(
    {
      name: 'fresh-liveness-app',
      private: true,
      type: 'module',
      dependencies: {
        '@open-liveness/plugin': file('@open-liveness/plugin'),
        '@open-liveness/react': file('@open-liveness/react'),
        react: '^19.2.0',
        'react-dom': '^19.2.0',
      },
      devDependencies: {
        '@types/react': '^19.2.0',
        '@types/react-dom': '^19.2.0',
        typescript: '5.9.3',
        vite: '8.3.8',
      },
      // The react package asks for the plugin's version; this app has it from the tarball.
      overrides: { '@open-liveness/plugin': '$@open-liveness/plugin' },
    },
    null,
    2,
  ),
);
const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error', `--cache=${join(work, 'npm-cache')}`];
step('install', () => run('npm', ['install', ...npmFlags], app));
step('typecheck', () => run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], app));
step('ssr', () => run(process.execPath, ['ssr.mjs'], app));
step('build', () => run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app));

const sizeOf = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = join(dir, e.name);
    return sum + (e.isDirectory() ? sizeOf(p) : e.isFile() ? statSync(p).size : 0);
  }, 0);
const kB = (n) => Math.round(n / 1024);
console.log(
  JSON.stringify({
    dist: join(app, 'dist'),
    timings_ms: timings,
    tarball_kB: Object.fromEntries(Object.entries(tarballs).map(([k, v]) => [k, kB(statSync(v).size)])),
    node_modules_kB: kB(sizeOf(join(app, 'node_modules'))),
    dist_kB: kB(sizeOf(join(app, 'dist'))),
  }),
);
