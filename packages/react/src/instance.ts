import { createOzLiveness, type OzLivenessApi } from '@open-liveness/plugin';

const instances = new Map<string, OzLivenessApi>();

/**
 * One plugin instance per adapter base URL, shared by every component and hook of the page, so the plugin's
 * "one session at a time" rule holds across them. Creating one touches no DOM (safe during SSR).
 */
export function ozLivenessFor(baseUrl: string): OzLivenessApi {
  const key = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  let api = instances.get(key);
  if (!api) {
    api = createOzLiveness({ baseUrl: key });
    instances.set(key, api);
  }
  return api;
}
