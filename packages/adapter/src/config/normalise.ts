import type { ConfigWarning } from './codes.js';

/*
 * The one place where lenient spellings are turned into canonical values. Environment variables
 * always arrive as strings and real app_config.json files written for the original adapter use
 * Python-style "True"/"False", so the schema runs every scalar through these coercers first.
 * A coercer returns its input unchanged when it cannot make sense of it: the schema then reports a
 * precise type error instead of a guess.
 */

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', '']);

export function toBool(value: unknown): unknown {
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return value;
  }
  if (value === 1) return true;
  if (value === 0) return false;
  return value;
}

export function toNumber(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    if (Number.isFinite(n)) return n;
  }
  return value;
}

/** Enumerations are matched case-insensitively (`"Safe"` → `"safe"`). */
export function toLowerWord(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}

/** Lists may be given as JSON arrays or, from the environment, as comma-separated text. */
export function toList(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  gb: 1024 ** 3,
};

/** Byte sizes accept plain numbers or `"512kb"`, `"10mb"` (binary multiples). */
export function toBytes(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!match) return value;
  const unit = SIZE_UNITS[(match[2] ?? '').toLowerCase() || 'b'];
  return unit === undefined ? value : Math.round(Number(match[1]) * unit);
}

/**
 * Polling intervals are milliseconds (the spec's inference). A bare number below this bound is read
 * as seconds, because nobody polls an API every 2 ms but people do write `"results_polling_interval": 2`.
 */
export const SECONDS_HEURISTIC_BOUND = 100;

export function toMilliseconds(value: unknown): { value: unknown; rewritten: boolean } {
  if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(value);
    if (!match) return { value, rewritten: false };
    const n = Number(match[1]);
    const unit = match[2]?.toLowerCase();
    if (unit === 'ms') return { value: n, rewritten: false };
    if (unit === 's') return { value: Math.round(n * 1000), rewritten: false };
    return toMilliseconds(n);
  }
  if (typeof value === 'number' && value > 0 && value < SECONDS_HEURISTIC_BOUND) {
    return { value: Math.round(value * 1000), rewritten: true };
  }
  return { value, rewritten: false };
}

/** Keys the original adapter once had; old files still carry them, so they are dropped, not rejected. */
const REMOVED_KEYS: Record<string, string> = {
  lang_allow: 'removed in Web SDK 1.0.1; languages are chosen by the page',
  lang_default: 'removed in Web SDK 1.3.1; pass `lang` to open()',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Structural rewrites applied to the merged (file + env) object before validation. Returns a new
 * object; the input is not modified.
 */
export function normaliseRaw(raw: Record<string, unknown>): {
  value: Record<string, unknown>;
  warnings: ConfigWarning[];
} {
  const value: Record<string, unknown> = { ...raw };
  const warnings: ConfigWarning[] = [];

  for (const [key, why] of Object.entries(REMOVED_KEYS)) {
    if (key in value) {
      delete value[key];
      warnings.push({ key, message: `ignored: ${why}` });
    }
  }

  // The spec does not say whether extract_action_shot sits at the top level or inside `analyses`;
  // accept both and keep the top-level spelling.
  const analyses = value.analyses;
  if (isRecord(analyses) && 'extract_action_shot' in analyses) {
    const { extract_action_shot, ...rest } = analyses;
    value.analyses = rest;
    if (!('extract_action_shot' in value)) value.extract_action_shot = extract_action_shot;
    warnings.push({ key: 'analyses.extract_action_shot', message: 'moved to top-level extract_action_shot' });
  }

  if ('results_polling_interval' in value) {
    const ms = toMilliseconds(value.results_polling_interval);
    value.results_polling_interval = ms.value;
    if (ms.rewritten) {
      warnings.push({
        key: 'results_polling_interval',
        message: `read as seconds (values below ${SECONDS_HEURISTIC_BOUND} are seconds): using ${String(ms.value)} ms`,
      });
    }
  }

  if (toLowerWord(value.result_mode) === 'full') {
    warnings.push({
      key: 'result_mode',
      message: '"full" is deprecated and may leak sensitive data; use "safe"',
    });
  }
  return { value, warnings };
}
