#!/usr/bin/env node
// Size budget of the built plugin (gzip bytes): fails the test run when a bundle outgrows its budget.
// Raise a budget only on purpose, in the same change that explains why.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'packages', 'plugin', 'dist');
const budgets = [
  ['iife/plugin_liveness.js', 32 * 1024],
  ['iife/vision_worker.js', 56 * 1024],
  ['iife/pack_worker.js', 34 * 1024],
  ['esm/index.js', 30 * 1024],
];
// Each language pack is fetched on its own (only the chosen one reaches the page), so each has its own budget.
const packBudget = 4 * 1024;
const packs = readdirSync(join(dist, 'iife', 'locales')).filter((f) => f.endsWith('.json'));
if (packs.length < 12) {
  console.error(`expected at least 12 language packs in dist/iife/locales, found ${packs.length}`);
  process.exit(1);
}
for (const f of packs.sort()) budgets.push([`iife/locales/${f}`, packBudget]);
let failed = false;
for (const [file, budget] of budgets) {
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const ok = gz <= budget;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${file.padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(7)} kB raw ${(gz / 1024).toFixed(1).padStart(6)} kB gzip (budget ${(budget / 1024).toFixed(0)} kB)`,
  );
}
if (failed) {
  console.error('size budget exceeded');
  process.exit(1);
}
