export { type FetchLike, type LoadLicenseCode, loadLicenseFromUrl } from './load.js';
export { type BrowserLicenseOptions, verifyLicenseInBrowser } from './verify.js';
