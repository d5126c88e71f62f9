import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cssVarName } from '../../style/css.js';
import { STYLE_SCHEMA } from '../../style/schema.js';
import { partStylesLoader } from './part-styles.js';

const css = readFileSync(new URL('./parts.css', import.meta.url), 'utf8');

describe('parts.css', () => {
  // No field accepted and then ignored: every field of the parts' sections is read by a rule.
  for (const section of ['antiscamCustomization', 'versionTextCustomization', 'hintAnimation'] as const) {
    for (const field of Object.keys(STYLE_SCHEMA[section])) {
      // enableAntiscam, textMessage and hideAnimation decide what is rendered, not how (ui/App, CaptureStage).
      if (['enableAntiscam', 'textMessage', 'hideAnimation'].includes(field)) continue;
      it(`reads ${section}.${field}`, () => {
        expect(css).toContain(`var(${cssVarName(section, field)},`);
      });
    }
  }

  it('holds no characters that could end the stylesheet early', () => {
    expect(css).not.toMatch(/<\/style/i);
  });
});

describe('partStylesLoader', () => {
  it('fetches once, and again after a failure', async () => {
    const calls: string[] = [];
    let fail = true;
    const fetchFn = (async (url: string) => {
      calls.push(url);
      return fail ? new Response('', { status: 503 }) : new Response('.x{}');
    }) as unknown as typeof fetch;
    const load = partStylesLoader('https://adapter.test/', fetchFn);
    await expect(load()).rejects.toMatchObject({ code: 'resource_load_failed' });
    fail = false;
    await expect(load()).resolves.toBe('.x{}');
    await expect(load()).resolves.toBe('.x{}');
    expect(calls).toEqual(['https://adapter.test/plugin/parts.css', 'https://adapter.test/plugin/parts.css']);
  });
});
