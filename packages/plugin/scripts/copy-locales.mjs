#!/usr/bin/env node
// Copies the built language packs next to the plugin script (dist/iife/locales/<id>.json), where the adapter
// serves them under /plugin/locales/ like every other plugin file.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const from = join(import.meta.dirname, '..', '..', 'locales', 'dist', 'json');
const to = join(import.meta.dirname, '..', 'dist', 'iife', 'locales');
if (!existsSync(from)) {
  console.error(`no built language packs at ${from}: build @open-liveness/locales first`);
  process.exit(1);
}
cpSync(from, to, { recursive: true });
console.log(`plugin: language packs copied to ${to}`);
