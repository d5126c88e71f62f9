import { type NormalizedStyle, STYLE_SCHEMA } from './schema.js';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `--oz-` + kebab-case of `<section>-<field>`, e.g. `--oz-face-frame-customization-stroke-default-color`. */
export const cssVarName = (section: string, field: string): string =>
  `--oz-${kebab(section)}-${kebab(field)}`;

/** A CSS string literal (for `content:`), with quotes, backslashes and line breaks escaped. */
const cssString = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;

/**
 * Every field as a CSS custom property. Colours, lengths, percentages and font values go as they are;
 * booleans as `1`/`0`, alphas as numbers, free text as a CSS string.
 */
export function styleToCssVars(style: NormalizedStyle): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [section, fields] of Object.entries(STYLE_SCHEMA)) {
    const values = (style as unknown as Record<string, Record<string, unknown>>)[section] ?? {};
    for (const [field, spec] of Object.entries(fields)) {
      const v = values[field] ?? spec.default;
      vars[cssVarName(section, field)] =
        typeof v === 'boolean' ? (v ? '1' : '0') : spec.kind === 'text' ? cssString(String(v)) : String(v);
    }
  }
  return vars;
}

/** A normalised length in CSS pixels (`em`/`rem` at 16 px); `fallback` for units with no fixed size. */
export function lengthToPx(value: string, fallback: number): number {
  const n = Number.parseFloat(value);
  if (!Number.isFinite(n)) return fallback;
  if (value.endsWith('rem') || value.endsWith('em')) return n * 16;
  if (value.endsWith('pt')) return (n * 4) / 3;
  if (value.endsWith('px') || /^-?\d*\.?\d+$/.test(value)) return n;
  return fallback;
}
