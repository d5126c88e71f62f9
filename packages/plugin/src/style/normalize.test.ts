import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cssVarName, styleToCssVars } from './css.js';
import { defaultStyle, normalizeStyle } from './normalize.js';
import { STYLE_SCHEMA } from './schema.js';

const here = dirname(fileURLToPath(import.meta.url));
const docs = readFileSync(join(here, '../../../../docs/customization.md'), 'utf8');
const specPath = join(here, '../../../../../shared/spec/customization.md');

/** `section → field → default` from markdown tables: `### \`section\`` heads, rows of backquoted cells. */
function tables(markdown: string, defaultCell: number): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section: string | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ') && section) break; // §1 of the spec / the field list of the docs only
    const head = /^### `(\w+)`/.exec(line);
    if (head?.[1]) {
      section = head[1];
      out[section] = {};
      continue;
    }
    // Cells split on unescaped pipes (the geometryType row has `\|` inside its type cell).
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    const name = /^`(\w+)`$/.exec(cells[1] ?? '')?.[1];
    const def = /^`([^`]*)`$/.exec(cells[defaultCell] ?? '')?.[1];
    if (section && name && def !== undefined) (out[section] as Record<string, string>)[name] = def;
  }
  return out;
}

function expectSchemaMatches(t: Record<string, Record<string, string>>) {
  expect(Object.keys(t)).toHaveLength(13);
  expect(Object.keys(STYLE_SCHEMA).sort()).toEqual(Object.keys(t).sort());
  let count = 0;
  for (const [section, fields] of Object.entries(t)) {
    const ours = STYLE_SCHEMA[section as keyof typeof STYLE_SCHEMA] as Record<string, { default: unknown }>;
    expect(Object.keys(ours).sort(), section).toEqual(Object.keys(fields).sort());
    for (const [field, def] of Object.entries(fields)) {
      count++;
      const mine = ours[field]?.default;
      // Alphas are numbers after normalisation (30% → 0.3); `""` is the empty text.
      const expected =
        typeof mine === 'number'
          ? Number.parseFloat(def) / 100
          : def === 'false'
            ? false
            : def === '""'
              ? ''
              : def;
      expect(mine, `${section}.${field}`).toEqual(expected);
    }
  }
  expect(count).toBe(71);
}

describe('style schema', () => {
  it('docs/customization.md lists every section and field (13 sections, 71 fields) with its default', () => {
    expectSchemaMatches(tables(docs, 2));
  });
  it.skipIf(!existsSync(specPath))(
    'matches the customization spec beside the clone, default by default',
    () => {
      expectSchemaMatches(tables(readFileSync(specPath, 'utf8').split('## 2.')[0] ?? '', 3));
    },
  );
});

describe('normalizeStyle', () => {
  it('gives the light theme with no style', () => {
    const { style, warnings } = normalizeStyle(undefined);
    expect(warnings).toEqual([]);
    expect(style.backgroundCustomization).toEqual({ backgroundColor: '#FFFFFF', backgroundOpacity: '88%' });
    expect(style.faceFrameCustomization.strokeDefaultColor).toBe('#D51900');
    expect(style.faceFrameCustomization.strokeFaceInFrameColor).toBe('#00BCD5');
  });

  it('merges field by field and keeps the other defaults of a section', () => {
    const { style, warnings } = normalizeStyle({
      faceFrameCustomization: { strokeWidth: '10px', geometryType: 'rectangle', cornersRadius: 24 },
      maskCustomization: { minAlpha: 0.5, maxAlpha: '80%' },
      antiscamCustomization: { enableAntiscam: true, textMessage: 'Recording for your loan' },
    });
    expect(warnings).toEqual([]);
    expect(style.faceFrameCustomization).toMatchObject({
      strokeWidth: '10px',
      geometryType: 'rectangle',
      cornersRadius: '24px',
      strokeDefaultColor: '#D51900',
      strokeOpacity: '100%',
    });
    expect(style.maskCustomization).toEqual({
      maskColor: '#008700',
      glowColor: '#000102',
      minAlpha: 0.5,
      maxAlpha: 0.8,
    });
    expect(style.antiscamCustomization.enableAntiscam).toBe(true);
  });

  it('drops each bad value with one warning naming the field, and never throws', () => {
    const { style, warnings } = normalizeStyle({
      faceFrameCustomization: {
        strokeDefaultColor: 'red; background: url(x)',
        strokeWidth: 'wide',
        geometryType: 'star',
      },
      centerHintCustomization: { backgroundOpacity: '140%', textWeight: 'heavy', textColor: '#0F0' },
      maskCustomization: { minAlpha: 3 },
      hintAnimation: { hideAnimation: 'yes' },
      madeUpSection: {},
      baseColorCustomization: { nope: '#000' },
      toolbarCustomization: 'red',
    });
    expect(warnings).toHaveLength(10);
    for (const field of [
      'faceFrameCustomization.strokeDefaultColor',
      'faceFrameCustomization.strokeWidth',
      'faceFrameCustomization.geometryType',
      'centerHintCustomization.backgroundOpacity',
      'centerHintCustomization.textWeight',
      'maskCustomization.minAlpha',
      'hintAnimation.hideAnimation',
      'madeUpSection',
      'baseColorCustomization.nope',
      'toolbarCustomization',
    ]) {
      expect(
        warnings.filter((w) => w.startsWith(`style.${field}`)),
        field,
      ).toHaveLength(1);
    }
    expect(style.faceFrameCustomization).toEqual(defaultStyle().faceFrameCustomization);
    expect(style.centerHintCustomization.textColor).toBe('#0F0');
    expect(() => normalizeStyle('dark')).not.toThrow();
    expect(normalizeStyle(42).warnings).toHaveLength(1);
  });

  it('uses the colour check it is given (CSS.supports in the browser)', () => {
    const strict = (v: string) => v.startsWith('#');
    expect(
      normalizeStyle({ backgroundCustomization: { backgroundColor: 'teal' } }, strict).warnings,
    ).toHaveLength(1);
    expect(normalizeStyle({ backgroundCustomization: { backgroundColor: 'teal' } }).warnings).toHaveLength(0);
  });
});

describe('legacy options (before 1.0.1)', () => {
  it('map onto their current fields as §3 says', () => {
    const { style, warnings } = normalizeStyle({
      face_color_success: '#00FF00',
      face_color_fail: '#FF0000',
      centerHint: { textSize: '20px', color: '#FFFF00', yPosition: '70%', fontStyle: 'italic' },
      backgroundOutsideFrame: { color: '#000000' },
    });
    expect(warnings).toEqual([]);
    expect(style.faceFrameCustomization.strokeFaceInFrameColor).toBe('#00FF00');
    expect(style.faceFrameCustomization.strokeDefaultColor).toBe('#FF0000');
    expect(style.centerHintCustomization).toMatchObject({
      textSize: '20px',
      textColor: '#FFFF00',
      verticalPosition: '70%',
      textStyle: 'italic',
    });
    expect(style.backgroundCustomization.backgroundColor).toBe('#000000');
  });

  it('lets the nested legacy block and then the current schema win over the oldest flat keys', () => {
    const { style } = normalizeStyle({
      face_color_success: '#111111',
      faceFrame: { faceReady: '#222222', faceNotReady: '#333333' },
      faceFrameCustomization: { strokeDefaultColor: '#444444' },
    });
    expect(style.faceFrameCustomization.strokeFaceInFrameColor).toBe('#222222');
    expect(style.faceFrameCustomization.strokeDefaultColor).toBe('#444444');
  });

  it('reads legacy "fontStyle: bold" as the weight, and warns about keys with no equivalent', () => {
    const { style, warnings } = normalizeStyle({
      centerHint: { fontStyle: 'bold', letterSpacing: '2px' },
      doc_color: '#FFFFFF',
      closeButton: { image: 'data:image/png;base64,AAAA' },
      faceFrame: { faceSad: '#000' },
    });
    expect(style.centerHintCustomization.textWeight).toBe('700');
    expect(warnings.map((w) => w.split(' ')[0])).toEqual([
      'style.doc_color',
      'style.centerHint.letterSpacing',
      'style.closeButton.image',
      'style.faceFrame.faceSad',
    ]);
  });
});

describe('CSS custom properties', () => {
  it('names each field --oz-<section>-<field> in kebab case, for all 71 fields', () => {
    expect(cssVarName('faceFrameCustomization', 'strokeDefaultColor')).toBe(
      '--oz-face-frame-customization-stroke-default-color',
    );
    const vars = styleToCssVars(
      normalizeStyle({ antiscamCustomization: { textMessage: 'Say "hi"\\' } }).style,
    );
    expect(Object.keys(vars)).toHaveLength(71);
    expect(vars['--oz-background-customization-background-opacity']).toBe('88%');
    expect(vars['--oz-hint-animation-hide-animation']).toBe('0');
    expect(vars['--oz-mask-customization-min-alpha']).toBe('0.3');
    expect(vars['--oz-antiscam-customization-text-message']).toBe('"Say \\"hi\\"\\\\"');
  });
});
