/** Stable verdict codes for license checks; the text is the default English explanation. */
export const LICENSE_CODES = {
  ok: 'The license is valid for this origin.',
  license_missing: 'No license is installed.',
  license_malformed: 'The license is not in the expected format.',
  license_invalid: 'The license signature does not verify against the trusted public key.',
  license_expired: 'The license has expired.',
  license_not_yet_valid: 'The license is not valid yet (issued in the future).',
  license_origin_mismatch: 'The page origin is not covered by the license.',
  license_master_invalid: 'master_license_signature is set but does not verify for this license.',
} as const;

export type LicenseCode = keyof typeof LICENSE_CODES;

/**
 * Why the adapter's API refuses a page's origin (docs/embedding.md, "API origin policy"). A refusal is
 * answered with CORS headers, so the page reads the code instead of an opaque network error.
 */
export const ORIGIN_REFUSAL_CODES = {
  license_missing: 'No licence is installed, so this adapter serves only localhost, 127.0.0.1 and [::1].',
  license_origin_mismatch: 'The page origin is not covered by the installed licence.',
  origin_not_allowed: 'Licensing is off and the page origin is not listed in cors.origins.',
} as const;

/**
 * Every code an origin refusal can carry: the three above, or the installed licence's own verdict when
 * the licence itself is unusable (`license_expired`, `license_invalid`, ...).
 */
export type OriginRefusalCode = keyof typeof ORIGIN_REFUSAL_CODES | Exclude<LicenseCode, 'ok'>;
