import type { AuthSettings } from './auth.js';
import type { OzApiClientOptions } from './client.js';

/** The configuration keys the client needs (structural, so this module does not import config/). */
export interface ApiClientConfig {
  readonly api_url?: string | undefined;
  readonly api_token?: string | undefined;
  readonly api_login?: string | undefined;
  readonly api_password?: string | undefined;
  readonly api_use_token: 'config' | 'client';
  readonly api_timeout_ms: number;
  readonly api_max_concurrent_uploads: number;
}

/**
 * Client options from the validated configuration. `baseUrl` overrides api_url (main passes the
 * embedded service's address when analysis.embedded is on). With `api_use_token: "client"` no own
 * credentials are configured, so every call must carry the page's token.
 */
export function apiClientOptionsFromConfig(
  config: ApiClientConfig,
  overrides: { readonly baseUrl?: string; readonly auth?: AuthSettings } = {},
): OzApiClientOptions | undefined {
  const baseUrl = overrides.baseUrl ?? config.api_url;
  if (baseUrl === undefined) return undefined;
  const auth: AuthSettings | undefined =
    overrides.auth ??
    (config.api_use_token === 'config'
      ? {
          token: config.api_token,
          credentials:
            config.api_login !== undefined && config.api_password !== undefined
              ? { email: config.api_login, password: config.api_password }
              : undefined,
        }
      : undefined);
  return {
    baseUrl,
    timeoutMs: config.api_timeout_ms,
    maxConcurrentUploads: config.api_max_concurrent_uploads,
    ...(auth ? { auth } : {}),
  };
}
