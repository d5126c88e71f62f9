import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './env.js';

/** file → identity, read from the faces fixture MANIFEST table (the labels are only there). */
export function faceIdentities(): Map<string, string> {
  const text = readFileSync(join(FIXTURES_DIR, 'faces', 'MANIFEST.md'), 'utf8');
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^\| (\S+\.(?:jpg|png)) \| (\S+) \|/gm)) {
    if (m[1] && m[2]) out.set(m[1], m[2]);
  }
  return out;
}
