import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { ConfigError, ConfigIssue, ConfigSource, ConfigWarning } from './codes.js';
import { CONFIG_PATH_ENV, type Env, envVarName, overlayEnv } from './env.js';
import { normaliseRaw } from './normalise.js';
import { type AdapterConfig, configSchema } from './schema.js';

/** Where the original adapter reads its file (adapter-config.md §1). */
export const DEFAULT_CONFIG_PATH = '/core/app_config.json';

export type ConfigResult =
  | { readonly ok: true; readonly config: AdapterConfig; readonly warnings: readonly ConfigWarning[] }
  | { readonly ok: false; readonly error: ConfigError };

export interface ParseOptions {
  /** `NODE_ENV`; development-only keys are refused when it is `production`. */
  readonly nodeEnv?: string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (!isRecord(cur)) return undefined;
    cur = cur[String(key)];
  }
  return cur;
}

function fail(issues: readonly ConfigIssue[]): ConfigResult {
  return { ok: false, error: { code: 'config_invalid', issues } };
}

function toIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  raw: Record<string, unknown>,
  fileKeys: ReadonlySet<string>,
  origins: ReadonlyMap<string, string>,
): ConfigIssue[] {
  const describe = (path: readonly PropertyKey[]) => {
    const key = path.map(String).join('.');
    // Longest env-set prefix tells which variable is responsible (an object may come from JSON env).
    let envVar: string | undefined;
    for (let n = path.length; n > 0 && !envVar; n--)
      envVar = origins.get(path.slice(0, n).map(String).join('.'));
    const source: ConfigSource = envVar ? 'env' : fileKeys.has(key) ? 'file' : 'default';
    return { key, source, envVar };
  };
  const out: ConfigIssue[] = [];
  for (const issue of zodIssues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const { key, source, envVar } = describe([...issue.path, k]);
        out.push({
          code: 'config_unknown_key',
          key,
          source: source === 'default' ? 'file' : source,
          ...(envVar ? { envVar } : {}),
          message: 'unknown key',
        });
      }
      continue;
    }
    const { key, source, envVar } = describe(issue.path);
    const isMissing =
      (issue.code === 'custom' && issue.params?.missing === true) ||
      (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined);
    // When a value is missing, name the variable that would supply it.
    const hint = envVar ?? (isMissing ? envVarName(issue.path.map(String)) : undefined);
    out.push({
      code: isMissing ? 'config_missing_value' : 'config_invalid_value',
      key,
      source,
      ...(hint ? { envVar: hint } : {}),
      message: issue.message,
    });
  }
  return out;
}

function collectKeys(value: unknown, prefix: string[] = [], into = new Set<string>()): Set<string> {
  if (!isRecord(value)) return into;
  for (const [k, v] of Object.entries(value)) {
    const path = [...prefix, k];
    into.add(path.join('.'));
    collectKeys(v, path, into);
  }
  return into;
}

/**
 * Pure core of the loader: validates the parsed file content merged with the environment.
 * `file` is whatever JSON.parse returned (or `{}` when there is no file).
 */
export function parseConfig(file: unknown, env: Env, options: ParseOptions = {}): ConfigResult {
  if (!isRecord(file)) {
    return fail([
      { code: 'config_file_invalid_json', key: '(root)', source: 'file', message: 'must be a JSON object' },
    ]);
  }
  const overlay = overlayEnv(file, env);
  if (overlay.issues.length > 0) return fail(overlay.issues);
  const { value: raw, warnings } = normaliseRaw(overlay.value);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(toIssues(parsed.error.issues, raw, collectKeys(file), overlay.origins));
  }
  const config = parsed.data;
  if (options.nodeEnv === 'production' && config.trusted_test_devices.length > 0) {
    const envVar = overlay.origins.get('trusted_test_devices');
    return fail([
      {
        code: 'config_invalid_value',
        key: 'trusted_test_devices',
        source: envVar ? 'env' : 'file',
        ...(envVar ? { envVar } : {}),
        message: 'development only: must be empty when NODE_ENV is "production"',
      },
    ]);
  }
  return { ok: true, config, warnings };
}

export interface LoadOptions {
  readonly env: Env;
  /** Explicit path (e.g. from a CLI flag). Otherwise OZ_ADAPTER_CONFIG_PATH, then DEFAULT_CONFIG_PATH. */
  readonly path?: string;
  /** Injected for tests; returns undefined when the file does not exist. */
  readonly readFile?: (path: string) => string | undefined;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Reads the file (when present), merges the environment and validates. Never throws.
 * The default path may be absent (environment-only deployments); a path named explicitly must exist.
 */
export function loadConfig(options: LoadOptions): ConfigResult & { readonly path: string } {
  const explicit = options.path ?? options.env[CONFIG_PATH_ENV];
  const path = explicit ?? DEFAULT_CONFIG_PATH;
  const read = options.readFile ?? readIfExists;
  let text: string | undefined;
  try {
    text = read(path);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { path, ...fail([{ code: 'config_file_unreadable', key: '(file)', source: 'file', message }]) };
  }
  if (text === undefined && explicit !== undefined) {
    return {
      path,
      ...fail([
        { code: 'config_file_not_found', key: '(file)', source: 'file', message: `no file at ${path}` },
      ]),
    };
  }
  let file: unknown = {};
  if (text !== undefined) {
    try {
      file = JSON.parse(text) as unknown;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return {
        path,
        ...fail([{ code: 'config_file_invalid_json', key: '(file)', source: 'file', message }]),
      };
    }
  }
  return { path, ...parseConfig(file, options.env, { nodeEnv: options.env.NODE_ENV }) };
}
