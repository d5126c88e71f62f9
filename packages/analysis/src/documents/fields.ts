import { parse } from 'mrz';
import type { JsonObject } from '../domain/types.js';
import { type MrzShape, mrzLines } from './lines.js';

/** One MRZ field as the documents analysis reports it. */
export interface MrzField {
  value: string | null;
  /** False when the field's check digit fails, or the value is not allowed there (e.g. an unknown state). */
  valid: boolean;
  /** Why it is invalid, in the parser's words. */
  error?: string;
}

export interface MrzReading {
  format: MrzShape;
  /** The fitted lines that were parsed. */
  lines: string[];
  /** Every field of the format, by the `mrz` package's field names. */
  fields: Record<string, MrzField>;
  /** True when every field is valid. */
  valid: boolean;
}

/**
 * Fields the analysis checks unless `fields_to_check` names others: those protected by a check
 * digit, their check digits, and the document code and sex. Issuing state and nationality are
 * reported with their own validity (an unknown code is flagged) but do not decline by default,
 * because specimen and test documents use codes such as UTO.
 */
export const DEFAULT_FIELDS_TO_CHECK = [
  'documentCode',
  'documentNumber',
  'documentNumberCheckDigit',
  'birthDate',
  'birthDateCheckDigit',
  'sex',
  'expirationDate',
  'expirationDateCheckDigit',
  'personalNumber',
  'personalNumberCheckDigit',
  'compositeCheckDigit',
] as const;

/** Parses OCR text as an MRZ (TD1/TD2/TD3, check digits verified); null when it has no MRZ shape. */
export function readMrzText(text: string): MrzReading | null {
  const found = mrzLines(text);
  if (!found) return null;
  let result: ReturnType<typeof parse>;
  try {
    result = parse(found.lines, { autocorrect: true });
  } catch {
    return null;
  }
  const fields: Record<string, MrzField> = {};
  for (const d of result.details) {
    if (!d.field) continue;
    // A field can span several ranges (names): keep its first entry, but any invalid part wins.
    const prev = fields[d.field];
    const valid = (prev?.valid ?? true) && d.valid;
    const entry: MrzField = { value: prev?.value ?? d.value, valid };
    const error = prev?.error ?? d.error;
    if (!valid && error) entry.error = error;
    fields[d.field] = entry;
  }
  // A check digit protects its field: when the digit fails, the value it protects is not trusted.
  for (const [name, f] of Object.entries(fields)) {
    const digit = fields[`${name}CheckDigit`];
    if (digit && !digit.valid && f.valid)
      fields[name] = { ...f, valid: false, error: 'check digit mismatch' };
  }
  return {
    format: found.shape,
    lines: found.lines,
    fields,
    valid: Object.values(fields).every((f) => f.valid),
  };
}

/** Names among `wanted` that the reading has, and whether each of them is valid. */
export function checkFields(
  reading: MrzReading,
  wanted: readonly string[],
): { checked: string[]; failed: string[] } {
  const checked = wanted.filter((name) => name in reading.fields);
  return { checked, failed: checked.filter((name) => !reading.fields[name]?.valid) };
}

/** JSON form of a reading, for `results_data`. */
export function readingJson(r: MrzReading): JsonObject {
  const fields: JsonObject = {};
  for (const [k, v] of Object.entries(r.fields)) {
    fields[k] = v.error
      ? { value: v.value, valid: v.valid, error: v.error }
      : { value: v.value, valid: v.valid };
  }
  return { format: r.format, valid: r.valid, lines: r.lines, fields };
}

/** How many fields are valid: the tie-breaker between two OCR attempts. */
export function validCount(r: MrzReading): number {
  return Object.values(r.fields).filter((f) => f.valid).length;
}
