import type { FieldKind, KindValue } from './schema.js';

/** Checks a colour value; the browser passes `CSS.supports`, tests use the built-in syntax check. */
export type ColorCheck = (value: string) => boolean;

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNC = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([^;{}()]*\)$/i;
const NAMED = /^[a-z]{3,20}$/i;
/** Colour syntax without a browser: hex, colour functions, or a name (`transparent`, `teal`…). */
export const colorSyntax: ColorCheck = (v) => HEX.test(v) || FUNC.test(v) || NAMED.test(v);

const LENGTH = /^(?:0|-?\d*\.?\d+(?:px|em|rem|%|vh|vw|vmin|vmax|pt))$/i;
const PERCENT = /^\d*\.?\d+%$/;
const WEIGHTS = new Set(['normal', 'bold', 'bolder', 'lighter']);
const FONT_STYLES = new Set(['normal', 'italic', 'oblique']);
/** Characters that could end a CSS declaration: never allowed inside a value. */
const UNSAFE = /[;{}<>\\]/;

/** A parsed value, or the reason it is refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Parses one field value of the given kind, leniently (numbers for lengths, "true" for booleans). */
export function parseValue<K extends FieldKind>(
  kind: K,
  raw: unknown,
  isColor: ColorCheck,
): Parsed<KindValue[K]> {
  const p = parseAny(kind, raw, isColor);
  return p as Parsed<KindValue[K]>;
}

function parseAny(kind: FieldKind, raw: unknown, isColor: ColorCheck): Parsed<unknown> {
  if (kind === 'boolean') {
    if (typeof raw === 'boolean') return ok(raw);
    if (raw === 'true' || raw === 'false') return ok(raw === 'true');
    return no('is not a boolean');
  }
  if (kind === 'alpha') {
    if (typeof raw === 'number') return raw >= 0 && raw <= 1 ? ok(raw) : no('is not between 0 and 1');
    if (typeof raw === 'string' && PERCENT.test(raw.trim())) {
      const n = Number.parseFloat(raw) / 100;
      return n <= 1 ? ok(n) : no('is over 100%');
    }
    if (typeof raw === 'string' && /^\d*\.?\d+$/.test(raw.trim()))
      return parseAny('alpha', Number(raw), isColor);
    return no('is not a number 0–1 or a percentage');
  }
  if (kind === 'length' && typeof raw === 'number' && Number.isFinite(raw)) return ok(`${raw}px`);
  if (kind === 'weight' && typeof raw === 'number') {
    return raw >= 1 && raw <= 1000 ? ok(String(raw)) : no('is not a font weight');
  }
  if (kind === 'percent' && typeof raw === 'number' && raw >= 0 && raw <= 100) return ok(`${raw}%`);
  if (typeof raw !== 'string') return no('is not a string');
  const v = raw.trim();
  if (kind === 'text') return ok(raw);
  if (UNSAFE.test(v)) return no('contains characters not allowed in a style value');
  switch (kind) {
    case 'color':
      return v && isColor(v) ? ok(v) : no('is not a colour');
    case 'length':
      return LENGTH.test(v) ? ok(v) : no('is not a length');
    case 'percent':
      return PERCENT.test(v) && Number.parseFloat(v) <= 100 ? ok(v) : no('is not a percentage 0%–100%');
    case 'font':
      return v.length > 0 && v.length <= 200 ? ok(v) : no('is not a font family');
    case 'weight': {
      const n = Number(v);
      if (WEIGHTS.has(v.toLowerCase())) return ok(v.toLowerCase());
      return Number.isFinite(n) && n >= 1 && n <= 1000 ? ok(v) : no('is not a font weight');
    }
    case 'fontStyle':
      return FONT_STYLES.has(v.toLowerCase()) ? ok(v.toLowerCase()) : no('is not normal, italic or oblique');
    case 'geometry':
      return v === 'oval' || v === 'rectangle' ? ok(v) : no('is not "oval" or "rectangle"');
    case 'closeIcon':
      return v === 'cross' ? ok(v) : no('is not a known close icon ("cross")');
    default:
      return no('has an unknown kind');
  }
}
