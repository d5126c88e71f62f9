import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installPaths } from '../paths.js';
import { startSession, startTestAdapter, testConfig } from '../testing/app.js';
import { personalise } from './plugin-assets.js';

const BUNDLE = 'var a=JSON.parse(\'"__OPEN_LIVENESS_PREINIT__"\');console.log(a)//# sourceMappingURL=x.map\n';

describe('the served plugin script carries preinit', () => {
  it('writes the setting over the placeholder without moving later columns', () => {
    const out = personalise(BUNDLE, { preinit: 'full' });
    expect(out).toHaveLength(BUNDLE.length);
    expect(out).not.toContain('__OPEN_LIVENESS_PREINIT__');
    expect(JSON.parse(out.slice(out.indexOf('"'), out.lastIndexOf('"') + 1)).trim()).toBe('full');
  });

  for (const preinit of ['off', 'script', 'full'] as const) {
    it(`serves preinit ${preinit} at both script paths`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'plugin-dir-'));
      writeFileSync(join(dir, 'plugin_liveness.js'), BUNDLE);
      const adapter = await startTestAdapter(testConfig({ preinit }), undefined, {
        paths: { ...installPaths(), pluginDir: dir },
      });
      try {
        for (const path of ['/plugin_liveness.js', '/plugin_liveness.php']) {
          const res = await fetch(`${adapter.url}${path}`);
          expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
          const text = await res.text();
          expect(text).toContain(`"${preinit.padEnd(25, ' ')}"`);
        }
      } finally {
        await adapter.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('session answer: use_for_liveness and load_3d_mask', () => {
  it('is null when use_for_liveness is absent, the value when set', async () => {
    const cases = [
      [{}, null, false],
      [{ use_for_liveness: false, load_3d_mask: true }, false, true],
      [{ use_for_liveness: true }, true, false],
    ] as const;
    for (const [file, use, mask] of cases) {
      const adapter = await startTestAdapter(testConfig(file), undefined);
      try {
        const { json } = await startSession(adapter.url);
        expect(json.use_for_liveness).toBe(use);
        expect(json.load_3d_mask).toBe(mask);
      } finally {
        await adapter.close();
      }
    }
  });
});
