import {
  hostOf,
  isExemptHost,
  LICENSE_EXEMPT_HOSTS,
  type LicenseVerdict,
  ORIGIN_REFUSAL_CODES,
  type OriginRefusalCode,
} from '@open-liveness/trust';
import { originMatches } from '../http/cors.js';
import type { LicenseSettings } from './for-request.js';
import { verifyLicense } from './verify.js';

/** Why an origin may use the API. */
export type OriginGrant = 'exempt' | 'self' | 'license' | 'cors';

export type OriginJudgement =
  | { readonly ok: true; readonly grant: OriginGrant }
  | { readonly ok: false; readonly code: OriginRefusalCode; readonly message: string };

export interface OriginPolicySettings {
  readonly license: LicenseSettings;
  /** `license_required` (default true). Off: only the exempt hosts and `cors.origins` are served. */
  readonly licenseRequired: boolean;
  /** `cors.origins`: served in addition, licence or not. */
  readonly corsOrigins: readonly string[];
  readonly now?: () => Date;
}

/**
 * The one origin policy of the session, upload, result and telemetry endpoints (docs/embedding.md):
 * the licensing-exempt hosts, the origins of the installed valid licence, and `cors.origins`. CORS
 * headers follow it by themselves, so nobody lists a licensed origin twice.
 */
export interface OriginPolicy {
  judge(origin: string): OriginJudgement;
  /** One line for the start log: which origins are served, and how to change that. */
  describe(): string;
}

const refuse = (code: OriginRefusalCode, message?: string): OriginJudgement => ({
  ok: false,
  code,
  message: message ?? (ORIGIN_REFUSAL_CODES as Record<string, string>)[code] ?? code,
});

export function createOriginPolicy(settings: OriginPolicySettings): OriginPolicy {
  const { license, licenseRequired, corsOrigins } = settings;
  const now = settings.now ?? (() => new Date());
  const installed = license.installed !== undefined && license.installed !== null;
  const verdictFor = (origin: string | null, skipOriginCheck = false): LicenseVerdict =>
    verifyLicense(license.installed, {
      publicKeys: license.publicKeys,
      origin,
      masterSignature: license.masterSignature ?? null,
      now: now(),
      skipOriginCheck,
    });
  return {
    judge(origin) {
      const host = hostOf(origin);
      if (host !== null && isExemptHost(host)) return { ok: true, grant: 'exempt' };
      if (corsOrigins.some((p) => originMatches(p, origin))) return { ok: true, grant: 'cors' };
      if (installed) {
        const verdict = verdictFor(origin);
        if (verdict.ok) return { ok: true, grant: 'license' };
        if (licenseRequired) return refuse(verdict.code as OriginRefusalCode, verdict.message);
      }
      if (!licenseRequired) return refuse('origin_not_allowed');
      return refuse('license_missing');
    },
    describe() {
      const local = `${LICENSE_EXEMPT_HOSTS.join(', ')} (any port)`;
      const cors = corsOrigins.length > 0 ? ` + cors.origins [${corsOrigins.join(', ')}]` : '';
      if (installed) {
        const verdict = verdictFor(null, true);
        const origins = verdict.license?.origins.join(', ') ?? '';
        const licensed = verdict.ok
          ? verdict.master
            ? ' + any origin (master licence)'
            : ` + licensed [${origins}]`
          : ` (installed licence unusable: ${verdict.code})`;
        return `pages served from: ${local}${licensed}${cors}; change with license_file / cors.origins (docs/embedding.md)`;
      }
      if (!licenseRequired) {
        return `licensing off (license_required: false): pages served from ${local}${cors}; add origins with cors.origins (docs/embedding.md)`;
      }
      return `no licence installed: pages served only from ${local}${cors}; install one with license_file (pnpm license), or set license_required: false plus cors.origins (docs/embedding.md)`;
    },
  };
}
