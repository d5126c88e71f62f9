import { type Bytes, fromBase64, fromUtf8, toBase64, utf8 } from '../bytes.js';
import { isRecord, isStringArray, parseJson } from '../json.js';
import { err, ok, type Result } from '../result.js';
import { parseOriginPattern } from './origin.js';

/**
 * The license as installed in the adapter or passed to `open({license})`. The three field names are
 * kept from the reference product so existing integrations can pass the same object.
 */
export interface LicenseFile {
  /** Standard base64 of the UTF-8 JSON {@link LicensePayload}. */
  readonly payload_b64: string;
  /** Standard base64 Ed25519 signature over {@link licenseSignedMessage}. */
  readonly signature: string;
  /**
   * Standard base64 of the adapter's container public key (raw uncompressed P-256 point, 65 bytes),
   * or "" when sealed containers are not used. It is covered by the signature, so nobody can swap
   * in a key of their own and read captures sealed by a plugin that trusts this license.
   */
  readonly enc_public_key: string;
}

export const LICENSE_PAYLOAD_VERSION = 1;

export interface LicensePayload {
  readonly version: typeof LICENSE_PAYLOAD_VERSION;
  /** Unique id, e.g. a UUID; shown in diagnostics and bound into a master signature. */
  readonly id: string;
  readonly licensee: string;
  /** Host names or `*.suffix` wildcards (scheme and port are ignored). */
  readonly origins: readonly string[];
  /** ISO 8601 instant; the license is not valid before it. */
  readonly issued: string;
  /** ISO 8601 instant; the license is not valid from this moment on. */
  readonly expires: string;
  /** Feature flags, free-form strings such as `"trial"` or `"sealed_container"`. */
  readonly features: readonly string[];
}

/** A structurally valid license whose signature has not been checked yet. */
export interface DecodedLicense {
  readonly file: LicenseFile;
  readonly payload: LicensePayload;
  readonly signature: Bytes;
  /** The exact bytes the issuer signed. */
  readonly signedMessage: Bytes;
  /** The exact bytes a master signature for this license covers. */
  readonly masterMessage: Bytes;
}

// Domain-separation prefixes: a license signature can never be replayed as a master signature (or as
// a signature of any other object that the same key might sign in the future), and vice versa.
const LICENSE_CONTEXT = 'open-liveness license v1\n';
const MASTER_CONTEXT = 'open-liveness master license v1\n';

export function licenseSignedMessage(payloadB64: string, encPublicKey: string): Bytes {
  return utf8(`${LICENSE_CONTEXT}${payloadB64}\n${encPublicKey}`);
}

export function masterSignedMessage(payloadB64: string): Bytes {
  return utf8(`${MASTER_CONTEXT}${payloadB64}`);
}

export function encodeLicensePayload(payload: LicensePayload): string {
  return toBase64(utf8(JSON.stringify(payload)));
}

function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(Date.parse(value));
}

/** Validates a parsed payload; returns a description of the first problem, or null when valid. */
export function licensePayloadProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'payload is not a JSON object';
  if (value.version !== LICENSE_PAYLOAD_VERSION)
    return `unsupported payload version ${String(value.version)}`;
  if (typeof value.id !== 'string' || value.id === '') return 'id must be a non-empty string';
  if (typeof value.licensee !== 'string') return 'licensee must be a string';
  if (!isStringArray(value.origins)) return 'origins must be an array of strings';
  const badOrigin = value.origins.find((origin) => parseOriginPattern(origin) === null);
  if (badOrigin !== undefined) return `invalid origin pattern "${badOrigin}"`;
  if (!isIsoInstant(value.issued)) return 'issued must be an ISO 8601 date-time';
  if (!isIsoInstant(value.expires)) return 'expires must be an ISO 8601 date-time';
  if (!isStringArray(value.features)) return 'features must be an array of strings';
  return null;
}

export type DecodeLicenseCode = 'license_missing' | 'license_malformed';

/** Checks the shape of a license object and decodes its payload. Does not check the signature. */
export function decodeLicense(input: unknown): Result<DecodedLicense, DecodeLicenseCode> {
  if (input === undefined || input === null || input === '') return err('license_missing', 'no license');
  const file = typeof input === 'string' ? parseJson(input) : input;
  if (!isRecord(file)) return err('license_malformed', 'license is not an object');
  const { payload_b64, signature, enc_public_key } = file;
  if (typeof payload_b64 !== 'string' || typeof signature !== 'string') {
    return err('license_malformed', 'payload_b64 and signature must be strings');
  }
  const encKey = enc_public_key ?? '';
  if (typeof encKey !== 'string') return err('license_malformed', 'enc_public_key must be a string');
  const payloadBytes = fromBase64(payload_b64);
  const signatureBytes = fromBase64(signature);
  if (payloadBytes === null) return err('license_malformed', 'payload_b64 is not base64');
  if (signatureBytes === null || signatureBytes.length !== 64) {
    return err('license_malformed', 'signature is not a base64 Ed25519 signature');
  }
  const text = fromUtf8(payloadBytes);
  const payload = text === null ? undefined : parseJson(text);
  const problem = licensePayloadProblem(payload);
  if (problem !== null) return err('license_malformed', problem);
  return ok({
    file: { payload_b64, signature, enc_public_key: encKey },
    payload: payload as LicensePayload,
    signature: signatureBytes,
    signedMessage: licenseSignedMessage(payload_b64, encKey),
    masterMessage: masterSignedMessage(payload_b64),
  });
}

/**
 * Decodes the adapter option `master_license_signature`: `undefined` when it is not configured,
 * `null` when it is configured but cannot be an Ed25519 signature (so the caller fails closed).
 */
export function decodeMasterSignature(text: string | null | undefined): Bytes | null | undefined {
  if (text === undefined || text === null || text.trim() === '') return undefined;
  const bytes = fromBase64(text);
  return bytes !== null && bytes.length === 64 ? bytes : null;
}
