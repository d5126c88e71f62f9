import { type Bytes, toBase64 } from '../bytes.js';
import {
  encodeLicensePayload,
  type LicenseFile,
  type LicensePayload,
  licenseSignedMessage,
  masterSignedMessage,
} from '../license/payload.js';

/** Test helper: an Ed25519 issuer built on WebCrypto, so trust's tests need no node: imports. */
export async function makeIssuer() {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  // Node's typings allow a single key here; narrow to the pair that Ed25519 always yields.
  if (!('privateKey' in pair)) throw new TypeError('expected an Ed25519 key pair');
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const sign = async (message: Bytes) =>
    new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, message));
  const verify = (message: Bytes, signature: Bytes) =>
    crypto.subtle.verify({ name: 'Ed25519' }, pair.publicKey, signature, message);
  return {
    publicKey,
    verify,
    async issue(overrides: Partial<LicensePayload> = {}, encPublicKey = ''): Promise<LicenseFile> {
      const payload: LicensePayload = {
        version: 1,
        id: 'lic-1',
        licensee: 'Example Bank',
        origins: ['example.com', '*.example.com'],
        issued: '2026-01-01T00:00:00.000Z',
        expires: '2027-01-01T00:00:00.000Z',
        features: ['sealed_container'],
        ...overrides,
      };
      const payloadB64 = encodeLicensePayload(payload);
      const signature = toBase64(await sign(licenseSignedMessage(payloadB64, encPublicKey)));
      return { payload_b64: payloadB64, signature, enc_public_key: encPublicKey };
    },
    async master(license: LicenseFile): Promise<string> {
      return toBase64(await sign(masterSignedMessage(license.payload_b64)));
    },
  };
}
