import { sign as edSign, type KeyObject, randomUUID } from 'node:crypto';
import {
  encodeLicensePayload,
  err,
  LICENSE_PAYLOAD_VERSION,
  type LicenseFile,
  type LicensePayload,
  licensePayloadProblem,
  licenseSignedMessage,
  masterSignedMessage,
  ok,
  type Result,
  toBase64,
} from '@open-liveness/trust';

export interface IssueLicenseInput {
  readonly licensee: string;
  readonly origins: readonly string[];
  readonly expires: Date;
  readonly issued?: Date;
  readonly features?: readonly string[];
  readonly id?: string;
  /** Base64 raw P-256 container public key, or "" when sealed containers are not used. */
  readonly encPublicKey?: string;
}

/** Signs a new license. Returns `license_malformed` (with the reason) for invalid input. */
export function issueLicense(
  privateKey: KeyObject,
  input: IssueLicenseInput,
): Result<LicenseFile, 'license_malformed'> {
  const payload: LicensePayload = {
    version: LICENSE_PAYLOAD_VERSION,
    id: input.id ?? randomUUID(),
    licensee: input.licensee,
    origins: input.origins,
    issued: (input.issued ?? new Date()).toISOString(),
    expires: input.expires.toISOString(),
    features: input.features ?? [],
  };
  const problem = licensePayloadProblem(payload);
  if (problem !== null) return err('license_malformed', problem);
  if (Date.parse(payload.expires) <= Date.parse(payload.issued)) {
    return err('license_malformed', 'expires must be after issued');
  }
  const payloadB64 = encodeLicensePayload(payload);
  const encPublicKey = input.encPublicKey ?? '';
  const signature = edSign(null, licenseSignedMessage(payloadB64, encPublicKey), privateKey);
  return ok({ payload_b64: payloadB64, signature: toBase64(signature), enc_public_key: encPublicKey });
}

/**
 * Creates the value for the adapter option `master_license_signature`: a second signature by the
 * issuer over one specific license that lifts its origin binding (it stays time-limited). Binding
 * it to one license means a leaked master signature cannot unlock any other license.
 */
export function signMasterLicense(privateKey: KeyObject, license: LicenseFile): string {
  return toBase64(edSign(null, masterSignedMessage(license.payload_b64), privateKey));
}
