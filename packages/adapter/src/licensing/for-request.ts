import type { LicenseVerdict } from '@open-liveness/trust';
import type { Request } from 'express';
import { verifyLicense } from './verify.js';

/** What the adapter knows about licensing, resolved once at start. */
export interface LicenseSettings {
  /** `license_public_keys`. Empty = licensing is not enforced (no way to verify any license). */
  readonly publicKeys: readonly string[];
  /** `license`, or the parsed `license_file`; undefined when none is installed. */
  readonly installed: unknown;
  readonly masterSignature: string | undefined;
}

/**
 * The page origin for the licence check: the browser-set `Origin`, else the origin of `Referer`, else
 * what the plugin claims in the body. Non-browser clients can forge all three; the licence binds
 * honest deployments to origins, it is not an access control (docs/licensing.md, "Limits").
 */
export function requestOrigin(req: Request, claimed?: string): string | null {
  const origin = req.get('origin');
  if (origin && origin !== 'null') return origin;
  const referer = req.get('referer');
  if (referer) {
    try {
      return new URL(referer).origin;
    } catch {
      // fall through to the claim
    }
  }
  return claimed ?? null;
}

export function checkInstalledLicense(settings: LicenseSettings, origin: string | null): LicenseVerdict {
  return verifyLicense(settings.installed, {
    publicKeys: settings.publicKeys,
    origin,
    masterSignature: settings.masterSignature ?? null,
  });
}

/**
 * The licence decision for a new session. A page-supplied licence (`open({license})` or `licenseUrl`)
 * replaces the installed one, as in the reference product; it still has to carry a signature from a
 * trusted issuer key, so a page can only bring another genuine licence. The master signature belongs
 * to the installed licence and is not applied to a page's.
 */
export function sessionLicense(
  settings: LicenseSettings,
  origin: string | null,
  pageLicense: unknown,
): { readonly enforced: boolean; readonly verdict: LicenseVerdict } {
  const fromPage = pageLicense !== undefined && pageLicense !== null;
  const verdict = verifyLicense(fromPage ? pageLicense : settings.installed, {
    publicKeys: settings.publicKeys,
    origin,
    masterSignature: fromPage ? null : (settings.masterSignature ?? null),
  });
  return { enforced: settings.publicKeys.length > 0, verdict };
}
