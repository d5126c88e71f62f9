import { err, ok, type Result } from '@open-liveness/trust';

/** The subset of `fetch` this module needs, so tests and other transports can supply their own. */
export type FetchLike = (
  url: string,
  init: { credentials: 'omit'; cache: 'no-store' },
) => Promise<{
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}>;

export type LoadLicenseCode = 'license_missing' | 'license_malformed';

/**
 * Loads a license for `open({licenseUrl})`. Credentials are omitted: a license is public data and
 * must not depend on the visitor's cookies. The signature is checked afterwards by the verifier.
 */
export async function loadLicenseFromUrl(
  url: string,
  fetchFn: FetchLike,
): Promise<Result<unknown, LoadLicenseCode>> {
  let text: string;
  try {
    const response = await fetchFn(url, { credentials: 'omit', cache: 'no-store' });
    if (!response.ok) return err('license_missing', `HTTP ${response.status} for ${url}`);
    text = await response.text();
  } catch {
    return err('license_missing', `could not fetch ${url}`);
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err('license_malformed', 'license URL did not return JSON');
  }
}
