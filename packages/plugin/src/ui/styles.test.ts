import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const STYLES = readFileSync(new URL('./screens.css', import.meta.url), 'utf8');

/** The stylesheet's top-level rules and @media blocks, comments dropped. */
function parse(css: string): { rules: Array<{ selectors: string[]; body: string; media: string | null }> } {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Array<{ selectors: string[]; body: string; media: string | null }> = [];
  let i = 0;
  const readBlock = (from: number): [string, number] => {
    let depth = 0;
    for (let j = from; j < text.length; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) return [text.slice(from + 1, j), j + 1];
    }
    throw new Error('unbalanced braces');
  };
  const walk = (src: string, media: string | null) => {
    for (const m of src.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const head = (m[1] ?? '').trim();
      if (head.startsWith('@keyframes') || /^(from|to|\d+%)$/.test(head)) continue;
      rules.push({ selectors: head.split(',').map((x) => x.trim()), body: m[2] ?? '', media });
    }
  };
  while (i < text.length) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    const open = text.indexOf('{', at);
    const head = text.slice(at, open).trim();
    const [body, end] = readBlock(open);
    if (head.startsWith('@media')) walk(body, head);
    walk(text.slice(i, at), null);
    i = end;
  }
  walk(text.slice(i), null);
  return { rules };
}

const moves = (body: string) => /(^|;)\s*(animation(-name)?|transition)\s*:\s*(?!none)/.test(body);

describe('prefers-reduced-motion', () => {
  const { rules } = parse(STYLES);
  const reduce = rules.filter((r) => r.media?.includes('prefers-reduced-motion: reduce'));

  it('turns every animation and transition off inside the dialog, pseudo-elements included', () => {
    const all = reduce.find((r) => r.selectors.includes('.ol-overlay *'));
    expect(all?.selectors).toEqual(
      expect.arrayContaining(['.ol-overlay *', '.ol-overlay *::before', '.ol-overlay *::after']),
    );
    expect(all?.body).toMatch(/animation:\s*none\s*!important/);
    expect(all?.body).toMatch(/transition:\s*none\s*!important/);
  });

  it('every animated rule is on an element inside the dialog, so the reduce rule reaches it', () => {
    const animated = rules.filter((r) => r.media === null && moves(r.body));
    expect(animated.length).toBeGreaterThan(3); // the spinner, the prompt, the scan text, the confirmation…
    for (const r of animated)
      for (const sel of r.selectors) {
        // `.ol-overlay *` matches descendants only: the dialog root itself and the shadow host must not move.
        expect(sel, sel).toMatch(/^(\[dir="rtl"\] )?\.ol-/);
        expect(sel, sel).not.toMatch(/^(\.ol-overlay|\.ol-root)(\[[^\]]*\])?$/);
      }
  });

  it('the moving scan text stands still, centred and readable', () => {
    const scan = reduce.find((r) => r.selectors.includes('.ol-scan span'));
    expect(scan?.body).toMatch(/left:\s*50%/);
    expect(scan?.body).toMatch(/translateX\(-50%\)/);
  });

  it('the screens draw no SMIL animations, which CSS could not stop', () => {
    const dir = new URL('.', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.tsx')))
      expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(/<animate|<set\b/);
  });
});
