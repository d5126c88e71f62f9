import type { AdapterConfig } from './schema.js';

export const MASK = '***';

/** Dotted paths whose values are credentials. Keep in sync with docs/configuration.md ("secret"). */
export const SECRET_KEYS = [
  'api_token',
  'api_password',
  'master_license_signature',
  'license.signature',
  'session_secret',
  'container_private_key',
  'session_token_key',
] as const;

function maskUrlCredentials(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = u.username ? MASK : '';
    u.password = u.password ? MASK : '';
    return u.toString();
  } catch {
    return url;
  }
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  }
  return value;
}

/**
 * The effective configuration as a plain object that is safe to print at start and on /debug:
 * secrets become `***` (absent stays absent, so the operator still sees what is set) and
 * credentials embedded in api_url and redis_url are masked.
 */
export function redactConfig(config: AdapterConfig): Record<string, unknown> {
  const out = clone(config) as Record<string, unknown>;
  for (const path of SECRET_KEYS) {
    const parts = path.split('.');
    let holder: unknown = out;
    for (const p of parts.slice(0, -1)) {
      holder =
        typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>)[p] : undefined;
    }
    const last = parts[parts.length - 1] as string;
    if (
      typeof holder === 'object' &&
      holder !== null &&
      (holder as Record<string, unknown>)[last] !== undefined
    ) {
      (holder as Record<string, unknown>)[last] = MASK;
    }
  }
  if (typeof out.api_url === 'string') out.api_url = maskUrlCredentials(out.api_url);
  if (typeof out.redis_url === 'string') out.redis_url = maskUrlCredentials(out.redis_url);
  return out;
}
