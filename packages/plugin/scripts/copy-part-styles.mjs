#!/usr/bin/env node
// Copies the parts' stylesheet next to the plugin script (dist/iife/parts.css), where the adapter serves it
// under /plugin/ like every other plugin file; the plugin fetches it at open() with the language pack.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
copyFileSync(join(root, 'src', 'ui', 'parts', 'parts.css'), join(root, 'dist', 'iife', 'parts.css'));
console.log('plugin: parts.css copied to dist/iife');
