import { type NormalizedStyle, type SectionName, STYLE_SCHEMA } from './schema.js';
import { type ColorCheck, colorSyntax, parseValue } from './values.js';

export interface StyleResult {
  style: NormalizedStyle;
  /** One line per dropped value or unknown key, naming the field. */
  warnings: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The defaults: the spec's light theme. */
export function defaultStyle(): NormalizedStyle {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [section, fields] of Object.entries(STYLE_SCHEMA)) {
    out[section] = {};
    for (const [field, spec] of Object.entries(fields))
      (out[section] as Record<string, unknown>)[field] = spec.default;
  }
  return out as NormalizedStyle;
}

/** Legacy keys (before 1.0.1), as `[path, section, field]`: customization spec §3. */
const LEGACY: ReadonlyArray<readonly [string, SectionName, string]> = [
  ['face_color_success', 'faceFrameCustomization', 'strokeFaceInFrameColor'],
  ['face_color_fail', 'faceFrameCustomization', 'strokeDefaultColor'],
  ['faceFrame.faceReady', 'faceFrameCustomization', 'strokeFaceInFrameColor'],
  ['faceFrame.faceNotReady', 'faceFrameCustomization', 'strokeDefaultColor'],
  ['centerHint.textSize', 'centerHintCustomization', 'textSize'],
  ['centerHint.color', 'centerHintCustomization', 'textColor'],
  ['centerHint.yPosition', 'centerHintCustomization', 'verticalPosition'],
  ['centerHint.fontStyle', 'centerHintCustomization', 'textStyle'],
  ['backgroundOutsideFrame.color', 'backgroundCustomization', 'backgroundColor'],
];
/** Legacy keys with no current equivalent: refused with a warning rather than silently ignored. */
const LEGACY_UNSUPPORTED = new Set(['doc_color', 'centerHint.letterSpacing', 'closeButton.image']);
const LEGACY_GROUPS = new Set(['faceFrame', 'centerHint', 'closeButton', 'backgroundOutsideFrame']);

/**
 * `open({style})` → every field with a valid value. Defaults first, then the legacy keys mapped onto their
 * current fields, then the current schema, field by field. A bad value or unknown key is dropped with one
 * warning naming it; nothing here throws.
 */
export function normalizeStyle(input: unknown, isColor: ColorCheck = colorSyntax): StyleResult {
  const warnings: string[] = [];
  const style = defaultStyle() as unknown as Record<string, Record<string, unknown>>;
  if (input === undefined || input === null) return { style: style as NormalizedStyle, warnings };
  if (!isRecord(input)) {
    warnings.push('style should be an object; using the default look');
    return { style: style as NormalizedStyle, warnings };
  }
  const set = (path: string, section: SectionName, field: string, raw: unknown) => {
    const spec = (STYLE_SCHEMA[section] as Record<string, { kind: Parameters<typeof parseValue>[0] }>)[field];
    if (!spec) return;
    // Legacy "fontStyle: bold" meant the weight.
    if (section === 'centerHintCustomization' && field === 'textStyle' && raw === 'bold') {
      (style[section] as Record<string, unknown>).textWeight = '700';
      return;
    }
    const parsed = parseValue(spec.kind, raw, isColor);
    if (parsed.ok) (style[section] as Record<string, unknown>)[field] = parsed.value;
    else warnings.push(`style.${path}: ${JSON.stringify(raw)} ${parsed.reason}; dropped`);
  };

  const legacyValue = (path: string): unknown => {
    const [a, b] = path.split('.') as [string, string | undefined];
    const top = input[a];
    return b === undefined ? top : isRecord(top) ? top[b] : undefined;
  };
  for (const [path, section, field] of LEGACY) {
    const raw = legacyValue(path);
    if (raw !== undefined && raw !== '') set(path, section, field, raw);
  }
  for (const path of LEGACY_UNSUPPORTED) {
    const raw = legacyValue(path);
    if (raw !== undefined && raw !== '')
      warnings.push(`style.${path} has no equivalent in this plugin; ignored`);
  }

  for (const [section, value] of Object.entries(input)) {
    if (
      LEGACY_GROUPS.has(section) ||
      LEGACY.some(([p]) => p === section) ||
      LEGACY_UNSUPPORTED.has(section)
    ) {
      if (LEGACY_GROUPS.has(section) && isRecord(value)) {
        for (const key of Object.keys(value)) {
          const path = `${section}.${key}`;
          if (!LEGACY.some(([p]) => p === path) && !LEGACY_UNSUPPORTED.has(path))
            warnings.push(`style.${path} is not a known legacy option; ignored`);
        }
      }
      continue;
    }
    if (!(section in STYLE_SCHEMA)) {
      warnings.push(`style.${section} is not a known section; ignored`);
      continue;
    }
    if (!isRecord(value)) {
      warnings.push(`style.${section} should be an object; ignored`);
      continue;
    }
    const fields = STYLE_SCHEMA[section as SectionName] as Record<string, unknown>;
    for (const [field, raw] of Object.entries(value)) {
      if (!(field in fields)) {
        warnings.push(`style.${section}.${field} is not a known field; ignored`);
        continue;
      }
      if (raw === undefined) continue;
      set(`${section}.${field}`, section as SectionName, field, raw);
    }
  }
  return { style: style as NormalizedStyle, warnings };
}
