#!/usr/bin/env node
// Writes the parts' stylesheet next to the plugin script (dist/iife/parts.css), where the adapter serves it
// under /plugin/ like every other plugin file; the plugin fetches it at open() with the language pack.
// Comments and layout whitespace are dropped on the way.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const css = readFileSync(join(root, 'src', 'ui', 'parts', 'parts.css'), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};])\s*/g, '$1')
  .trim();
writeFileSync(join(root, 'dist', 'iife', 'parts.css'), `${css}\n`);
console.log(`plugin: parts.css written to dist/iife (${css.length} bytes)`);
