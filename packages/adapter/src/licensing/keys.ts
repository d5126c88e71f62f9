import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { fromBase64, fromBase64Url, toBase64, toBase64Url } from '@open-liveness/trust';

/**
 * Ed25519 keys for license signing. The public key travels as base64 of the raw 32 bytes, which
 * both node:crypto (via JWK) and WebCrypto (`importKey('raw', …)`) accept, so the plugin can verify
 * with exactly the string the adapter is configured with. Private keys stay in PKCS#8 PEM files.
 */
export interface LicenseKeyPair {
  readonly publicKey: string;
  readonly privateKeyPem: string;
}

export function generateLicenseKeyPair(): LicenseKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  const raw = fromBase64Url(jwk.x ?? '');
  if (raw === null || raw.length !== 32) throw new TypeError('not an Ed25519 key');
  return toBase64(raw);
}

/** Imports a base64 raw Ed25519 public key; null when it is not 32 bytes of base64. */
export function importLicensePublicKey(base64: string): KeyObject | null {
  const raw = fromBase64(base64);
  if (raw === null || raw.length !== 32) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(raw) }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** Imports a PKCS#8 PEM Ed25519 private key; null when it is anything else. */
export function importLicensePrivateKey(pem: string): KeyObject | null {
  try {
    const key = createPrivateKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export function publicKeyOfPrivate(key: KeyObject): string {
  return rawPublicKey(createPublicKey(key));
}
