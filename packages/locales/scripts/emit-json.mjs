#!/usr/bin/env node
// Writes each built pack to dist/json/<id>.json: the files the adapter serves and the plugin fetches.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'dist');
const { PACKS } = await import(join(dist, 'packs', 'index.js'));
mkdirSync(join(dist, 'json'), { recursive: true });
for (const [id, pack] of Object.entries(PACKS)) {
  writeFileSync(join(dist, 'json', `${id}.json`), JSON.stringify(pack));
}
console.log(`locales: ${Object.keys(PACKS).length} packs written to dist/json`);
