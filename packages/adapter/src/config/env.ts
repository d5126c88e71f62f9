import type { ConfigIssue } from './codes.js';

/**
 * Environment mapping. One prefix; the rest of the name is the key path, upper-cased, with `__`
 * (double underscore) between nesting levels because single underscores occur inside key names:
 *
 *   api_url                    ← OZ_ADAPTER_API_URL
 *   analyses.quality           ← OZ_ADAPTER_ANALYSES__QUALITY
 *   limits.shots_zip_bytes     ← OZ_ADAPTER_LIMITS__SHOTS_ZIP_BYTES
 *
 * A value that starts with `{` or `[` is parsed as JSON, so a whole object or list can be given
 * at once (`OZ_ADAPTER_ANALYSES={"quality":true}`). Everything else stays a string and is coerced
 * by the schema (normalise.ts). Environment wins over the file.
 */
export const ENV_PREFIX = 'OZ_ADAPTER_';
/** Names the configuration file; not a configuration key itself. */
export const CONFIG_PATH_ENV = 'OZ_ADAPTER_CONFIG_PATH';
export const NESTING_SEPARATOR = '__';

export type Env = Readonly<Record<string, string | undefined>>;

export function envVarName(path: readonly string[]): string {
  return ENV_PREFIX + path.map((p) => p.toUpperCase()).join(NESTING_SEPARATOR);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEnvValue(raw: string): unknown {
  const trimmed = raw.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Leave it as text: the schema will say which key has a bad value.
    }
  }
  return raw;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isRecord(base) || !isRecord(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

export interface EnvOverlay {
  readonly value: Record<string, unknown>;
  /** Dotted key path → environment variable that set it (for error messages). */
  readonly origins: ReadonlyMap<string, string>;
  readonly issues: readonly ConfigIssue[];
}

/** Applies every prefixed variable on top of `base` (the parsed file) and returns a new object. */
export function overlayEnv(base: Record<string, unknown>, env: Env): EnvOverlay {
  let value: Record<string, unknown> = { ...base };
  const origins = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  // Sorted so that `X={...}` is applied before `X__Y=...` and the more specific one wins.
  const names = Object.keys(env)
    .filter((n) => n.startsWith(ENV_PREFIX) && n !== CONFIG_PATH_ENV)
    .sort();
  for (const name of names) {
    const raw = env[name];
    if (raw === undefined) continue;
    const path = name.slice(ENV_PREFIX.length).toLowerCase().split(NESTING_SEPARATOR);
    if (path.some((p) => !/^[a-z0-9]+(_[a-z0-9]+)*$/.test(p))) {
      issues.push({
        code: 'config_bad_env_name',
        key: path.join('.'),
        source: 'env',
        envVar: name,
        message: `cannot map ${name} to a key (use ${NESTING_SEPARATOR} between nesting levels)`,
      });
      continue;
    }
    const parsed = parseEnvValue(raw);
    // Build {a:{b:value}} and merge, so sibling keys from the file survive.
    const patch = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), parsed);
    value = deepMerge(value, patch) as Record<string, unknown>;
    origins.set(path.join('.'), name);
    if (isRecord(parsed)) {
      for (const k of Object.keys(parsed)) origins.set([...path, k].join('.'), name);
    }
  }
  return { value, origins, issues };
}
