import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/integration.md shows the examples' real code: each block after `<!-- from PATH -->` must appear, as
// is, in that file, so the docs cannot drift from the apps the e2e suite drives.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const doc = readFileSync(join(root, 'docs', 'integration.md'), 'utf8');
const blocks = [...doc.matchAll(/<!-- from (\S+) -->\n```[a-z]*\n([\s\S]*?)\n```/g)].map((m) => ({
  path: m[1] ?? '',
  code: m[2] ?? '',
}));

describe('docs/integration.md', () => {
  it('shows code from the React, Vue, Angular and demo examples', () => {
    const paths = blocks.map((b) => b.path);
    for (const dir of ['examples/react/', 'examples/vue/', 'examples/angular/', 'examples/script-tag/'])
      expect(
        paths.some((p) => p.startsWith(dir)),
        dir,
      ).toBe(true);
  });

  it.each(blocks.map((b) => [b.path, b.code] as const))('%s: the block is the file’s code', (path, code) => {
    expect(readFileSync(join(root, path), 'utf8')).toContain(code);
  });
});
