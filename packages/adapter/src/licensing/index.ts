export { type CheckLicenseResponse, checkLicenseResponse } from './check-response.js';
export { type IssueLicenseInput, issueLicense, signMasterLicense } from './issue.js';
export {
  generateLicenseKeyPair,
  importLicensePrivateKey,
  importLicensePublicKey,
  type LicenseKeyPair,
  publicKeyOfPrivate,
} from './keys.js';
export { type VerifyLicenseOptions, verifyLicense } from './verify.js';
