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
