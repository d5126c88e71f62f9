import type { LicenseCode, LicenseVerdict } from '@open-liveness/trust';

/**
 * HTTP status for a `/check_license.php` answer: 200 when the origin is licensed, 403 when this
 * origin is simply not covered, 503 when the installed license itself is unusable (the service cannot
 * work for anyone, which is what uptime monitors should notice).
 */
const STATUS: Readonly<Record<LicenseCode, number>> = {
  ok: 200,
  license_origin_mismatch: 403,
  license_missing: 503,
  license_malformed: 503,
  license_invalid: 503,
  license_expired: 503,
  license_not_yet_valid: 503,
  license_master_invalid: 503,
};

export interface CheckLicenseResponse {
  readonly status: number;
  readonly body: LicenseVerdict;
}

/** Shapes a verdict as the JSON response of `GET /check_license.php` (documented in docs/licensing.md). */
export function checkLicenseResponse(verdict: LicenseVerdict): CheckLicenseResponse {
  return { status: STATUS[verdict.code], body: verdict };
}
