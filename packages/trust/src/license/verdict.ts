import type { Bytes } from '../bytes.js';
import { LICENSE_CODES, type LicenseCode } from './codes.js';
import { hostOf, isExemptHost, originAllowed } from './origin.js';
import { type DecodedLicense, decodeLicense, decodeMasterSignature } from './payload.js';

/** What a `/check_license.php` response or a plugin-side check reports; plain JSON. */
export interface LicenseVerdict {
  readonly ok: boolean;
  readonly code: LicenseCode;
  readonly message: string;
  /** Extra detail for logs (which field was malformed, which origin was refused). */
  readonly detail: string | null;
  /** The normalised host that was checked, or null when none was given. */
  readonly host: string | null;
  /** True when the host needs no license at all (localhost, 127.0.0.1, [::1]). */
  readonly exempt: boolean;
  /** True when a valid `master_license_signature` lifted the origin restriction. */
  readonly master: boolean;
  /** Present once the signature has verified; never echoes an unverified payload as if it were real. */
  readonly license: LicenseSummary | null;
  readonly checked_at: string;
}

export interface LicenseSummary {
  readonly id: string;
  readonly licensee: string;
  readonly origins: readonly string[];
  readonly issued: string;
  readonly expires: string;
  readonly features: readonly string[];
  readonly enc_public_key: string;
}

/** The facts a platform-specific verifier establishes before the shared rules decide. */
export interface LicenseFacts {
  /** Page origin or host; null when the caller could not determine one. */
  readonly origin: string | null;
  readonly now: Date;
  readonly signatureValid: boolean;
  /** null when no master signature is configured. */
  readonly masterSignatureValid: boolean | null;
  /** Only for offline inspection (CLI without --origin): report signature/expiry alone. */
  readonly skipOriginCheck?: boolean;
  /** Tolerance for clocks that run slightly behind the issuer's; default 5 minutes. */
  readonly clockSkewMs?: number;
}

const DEFAULT_SKEW_MS = 5 * 60_000;

function summarise(decoded: DecodedLicense): LicenseSummary {
  const { payload, file } = decoded;
  return {
    id: payload.id,
    licensee: payload.licensee,
    origins: payload.origins,
    issued: payload.issued,
    expires: payload.expires,
    features: payload.features,
    enc_public_key: file.enc_public_key,
  };
}

type VerdictExtras = Partial<Pick<LicenseVerdict, 'detail' | 'exempt' | 'master' | 'license'>>;

function verdict(
  code: LicenseCode,
  host: string | null,
  now: Date,
  extras: VerdictExtras = {},
): LicenseVerdict {
  return {
    ok: code === 'ok',
    code,
    message: LICENSE_CODES[code],
    detail: extras.detail ?? null,
    host,
    exempt: extras.exempt ?? false,
    master: extras.master ?? false,
    license: extras.license ?? null,
    checked_at: now.toISOString(),
  };
}

/**
 * The shared licensing rules, in order: exempt hosts pass without a license; then format, signature,
 * master signature, validity window, and finally the origin binding (which a valid master lifts).
 */
export function judgeLicense(decoded: ReturnType<typeof decodeLicense>, facts: LicenseFacts): LicenseVerdict {
  const host = facts.origin === null ? null : hostOf(facts.origin);
  const now = facts.now;
  const verified = decoded.ok && facts.signatureValid ? summarise(decoded.value) : null;
  if (host !== null && isExemptHost(host)) {
    return verdict('ok', host, now, { exempt: true, license: verified, detail: 'local development host' });
  }
  if (!decoded.ok) return verdict(decoded.code, host, now, { detail: decoded.message });
  if (verified === null) return verdict('license_invalid', host, now);
  if (facts.masterSignatureValid === false) return verdict('license_master_invalid', host, now);
  const master = facts.masterSignatureValid === true;
  const skew = facts.clockSkewMs ?? DEFAULT_SKEW_MS;
  const t = now.getTime();
  if (t >= Date.parse(verified.expires)) {
    return verdict('license_expired', host, now, {
      license: verified,
      master,
      detail: `expired ${verified.expires}`,
    });
  }
  if (t + skew < Date.parse(verified.issued)) {
    return verdict('license_not_yet_valid', host, now, { license: verified, master });
  }
  if (master || facts.skipOriginCheck === true)
    return verdict('ok', host, now, { license: verified, master });
  if (host === null || !originAllowed(verified.origins, host)) {
    const detail = host === null ? 'no origin given' : `${host} is not in origins`;
    return verdict('license_origin_mismatch', host, now, { license: verified, detail });
  }
  return verdict('ok', host, now, { license: verified });
}

/** Verifies an Ed25519 signature; sync on Node (`node:crypto`), async with WebCrypto. */
export type SignatureVerifier = (message: Bytes, signature: Bytes) => boolean | Promise<boolean>;

export interface CheckLicenseOptions {
  readonly origin: string | null;
  readonly verify: SignatureVerifier;
  readonly now?: Date;
  /** Base64 `master_license_signature` from the adapter configuration, if any. */
  readonly masterSignature?: string | null;
  readonly skipOriginCheck?: boolean;
  readonly clockSkewMs?: number;
}

/** Decodes, verifies with the given primitive, and judges a license in one call. */
export async function checkLicense(input: unknown, options: CheckLicenseOptions): Promise<LicenseVerdict> {
  const decoded = decodeLicense(input);
  let signatureValid = false;
  let masterSignatureValid: boolean | null = null;
  if (decoded.ok) {
    signatureValid = await options.verify(decoded.value.signedMessage, decoded.value.signature);
    masterSignatureValid = await checkMaster(decoded.value, options.masterSignature, options.verify);
  }
  return judgeLicense(decoded, {
    origin: options.origin,
    now: options.now ?? new Date(),
    signatureValid,
    masterSignatureValid,
    ...(options.skipOriginCheck === undefined ? {} : { skipOriginCheck: options.skipOriginCheck }),
    ...(options.clockSkewMs === undefined ? {} : { clockSkewMs: options.clockSkewMs }),
  });
}

async function checkMaster(
  decoded: DecodedLicense,
  masterSignature: string | null | undefined,
  verify: SignatureVerifier,
): Promise<boolean | null> {
  const bytes = decodeMasterSignature(masterSignature);
  if (bytes === undefined) return null;
  if (bytes === null) return false;
  return verify(decoded.masterMessage, bytes);
}
