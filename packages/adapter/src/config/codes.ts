/**
 * Stable error codes of the configuration loader. `main` prints them and exits; tests and operators
 * match on the code, never on the message text.
 */
export const CONFIG_ERROR_CODES = {
  config_file_unreadable: 'The configuration file exists but could not be read.',
  config_file_not_found: 'The configuration file named explicitly was not found.',
  config_file_invalid_json: 'The configuration file is not valid JSON or not a JSON object.',
  config_bad_env_name: 'An environment variable with the adapter prefix does not name a key.',
  config_unknown_key: 'A key is not part of the configuration schema.',
  config_invalid_value: 'A key has a value of the wrong type or outside its allowed range.',
  config_missing_value: 'A value required by the chosen settings is missing.',
} as const;

export type ConfigErrorCode = keyof typeof CONFIG_ERROR_CODES;

/** Where the offending value came from, so the operator knows which one to fix. */
export type ConfigSource = 'file' | 'env' | 'default';

export interface ConfigIssue {
  readonly code: ConfigErrorCode;
  /** Dotted key path as written in app_config.json, e.g. `analyses.quality`. */
  readonly key: string;
  readonly source: ConfigSource;
  /** Environment variable that set (or would set) the key, when the source is `env`. */
  readonly envVar?: string;
  readonly message: string;
}

/** Returned (never thrown) when the configuration cannot be used. */
export interface ConfigError {
  readonly code: 'config_invalid';
  readonly issues: readonly ConfigIssue[];
}

/** Non-fatal findings: lenient spellings that were rewritten, removed keys, deprecated choices. */
export interface ConfigWarning {
  readonly key: string;
  readonly message: string;
}

export function formatConfigError(error: ConfigError): string {
  const lines = error.issues.map((i) => {
    const origin = i.envVar ? ` (from ${i.envVar})` : i.source === 'file' ? ' (from file)' : '';
    return `  - [${i.code}] ${i.key}${origin}: ${i.message}`;
  });
  return `Invalid adapter configuration:\n${lines.join('\n')}`;
}
