import { LivenessFailure } from '../../errors/codes.js';

/**
 * The plugin's stylesheet (parts.css: the screens, then banner, version label, gesture hint, mask), fetched from the
 * adapter next to the plugin script, once per page, in parallel with the language pack. Kept out of the
 * script to hold the size budget (scripts/check-size.mjs); a failed fetch is retried on the next open().
 */
export function partStylesLoader(base: string, fetchFn: typeof fetch = fetch): () => Promise<string> {
  let pending: Promise<string> | null = null;
  return () => {
    pending ??= fetchFn(`${base}plugin/parts.css`).then(async (res) => {
      if (!res.ok) throw new LivenessFailure('resource_load_failed', `parts.css: HTTP ${res.status}`);
      return res.text();
    });
    pending.catch(() => {
      pending = null;
    });
    return pending;
  };
}
