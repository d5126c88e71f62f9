export { LICENSE_CODES, type LicenseCode, ORIGIN_REFUSAL_CODES, type OriginRefusalCode } from './codes.js';
export {
  hostOf,
  isExemptHost,
  LICENSE_EXEMPT_HOSTS,
  type OriginPattern,
  originAllowed,
  parseOriginPattern,
  patternMatchesHost,
} from './origin.js';
export {
  type DecodedLicense,
  type DecodeLicenseCode,
  decodeLicense,
  decodeMasterSignature,
  encodeLicensePayload,
  LICENSE_PAYLOAD_VERSION,
  type LicenseFile,
  type LicensePayload,
  licensePayloadProblem,
  licenseSignedMessage,
  masterSignedMessage,
} from './payload.js';
export {
  type CheckLicenseOptions,
  checkLicense,
  judgeLicense,
  type LicenseFacts,
  type LicenseSummary,
  type LicenseVerdict,
  type SignatureVerifier,
} from './verdict.js';
