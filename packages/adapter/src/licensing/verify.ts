import { verify as edVerify, type KeyObject } from 'node:crypto';
import {
  type Bytes,
  decodeLicense,
  decodeMasterSignature,
  judgeLicense,
  type LicenseVerdict,
} from '@open-liveness/trust';
import { importLicensePublicKey } from './keys.js';

export interface VerifyLicenseOptions {
  /**
   * Trusted base64 raw Ed25519 public keys. More than one allows key rotation: a license signed by
   * any of them is accepted.
   */
  readonly publicKeys: readonly string[];
  /** Page origin (request `Origin`, or the plugin's `window.origin`); null when unknown. */
  readonly origin: string | null;
  /** Adapter option `master_license_signature`. */
  readonly masterSignature?: string | null;
  readonly now?: Date;
  /** CLI inspection without an origin: check signature and validity window only. */
  readonly skipOriginCheck?: boolean;
  readonly clockSkewMs?: number;
}

function verifiesWithAny(keys: readonly KeyObject[], message: Bytes, signature: Bytes): boolean {
  return keys.some((key) => edVerify(null, message, key, signature));
}

/**
 * Synchronous license check with node:crypto, for adapter start-up and `/check_license.php`.
 * Unusable configured keys are skipped; with none left, every license is `license_invalid`.
 */
export function verifyLicense(input: unknown, options: VerifyLicenseOptions): LicenseVerdict {
  const keys = options.publicKeys.map(importLicensePublicKey).filter((key): key is KeyObject => key !== null);
  const decoded = decodeLicense(input);
  let signatureValid = false;
  let masterSignatureValid: boolean | null = null;
  if (decoded.ok) {
    signatureValid = verifiesWithAny(keys, decoded.value.signedMessage, decoded.value.signature);
    const master = decodeMasterSignature(options.masterSignature);
    if (master === null) masterSignatureValid = false;
    else if (master !== undefined)
      masterSignatureValid = verifiesWithAny(keys, decoded.value.masterMessage, master);
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
