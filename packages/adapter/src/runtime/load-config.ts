import { type ConfigResult, type Env, loadConfig } from '../config/index.js';

/**
 * `PORT` and `HOST` predate the configuration file (README, e2e); they stay as aliases of `port` and
 * `host`, below the prefixed variables, which win when both are set.
 */
export function withLegacyAliases(env: Env): Env {
  const out: Record<string, string | undefined> = { ...env };
  if (env.PORT !== undefined && env.OZ_ADAPTER_PORT === undefined) out.OZ_ADAPTER_PORT = env.PORT;
  if (env.HOST !== undefined && env.OZ_ADAPTER_HOST === undefined) out.OZ_ADAPTER_HOST = env.HOST;
  return out;
}

/** The file from OZ_ADAPTER_CONFIG_PATH, else /core/app_config.json when present, else defaults. */
export function loadAdapterConfig(env: Env): ConfigResult & { readonly path: string } {
  return loadConfig({ env: withLegacyAliases(env) });
}
