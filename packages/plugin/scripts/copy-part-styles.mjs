#!/usr/bin/env node
// Writes the plugin's stylesheet next to the plugin script (dist/iife/parts.css), where the adapter serves it
// under /plugin/ like every other plugin file; the plugin fetches it at open() with the language pack.
// It is the screens' rules (src/ui/screens.css) followed by the parts' (src/ui/parts/parts.css), so the parts
// keep winning ties as they did when the screens' rules were inlined in the script.
// Comments and layout whitespace are dropped on the way.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const minify = (path) =>
  readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .trim();
const css = `${minify(join(root, 'src', 'ui', 'screens.css'))}${minify(join(root, 'src', 'ui', 'parts', 'parts.css'))}`;
writeFileSync(join(root, 'dist', 'iife', 'parts.css'), `${css}\n`);
console.log(`plugin: parts.css written to dist/iife (${css.length} bytes)`);
