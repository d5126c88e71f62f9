import { type Bytes, concatBytes, fromBase64, fromBase64Url, toBase64, utf8 } from '../bytes.js';

/**
 * Key handling for the sealed container: ECDH P-256 with HKDF-SHA-256 deriving an AES-256-GCM key.
 *
 * Each container uses a fresh ephemeral key pair, so each gets a fresh content key; the recipient
 * (the adapter) re-derives it from its static private key. Keys cross module boundaries only as
 * base64 strings so callers never depend on one platform's CryptoKey typings.
 */

const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;
const HKDF_INFO_PREFIX = utf8('open-liveness container v1');

type SubtleKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export interface ContainerKeyPair {
  /** Base64 raw uncompressed point (65 bytes): goes into a license's `enc_public_key`. */
  readonly publicKey: string;
  /** Base64 PKCS#8: stays in the adapter's configuration. */
  readonly privateKey: string;
}

export async function generateContainerKeyPair(): Promise<ContainerKeyPair> {
  const pair = await crypto.subtle.generateKey(EC, true, ['deriveBits']);
  const publicRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privatePkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKey: toBase64(publicRaw), privateKey: toBase64(privatePkcs8) };
}

export async function importRecipientPublicKey(
  base64: string,
): Promise<{ key: SubtleKey; raw: Bytes } | null> {
  const raw = fromBase64(base64);
  if (raw === null || raw.length !== 65 || raw[0] !== 4) return null;
  const key = await importPublicPoint(raw);
  return key === null ? null : { key, raw };
}

/** Imports an uncompressed point; null when it is not on the curve. */
export async function importPublicPoint(raw: Bytes): Promise<SubtleKey | null> {
  try {
    return await crypto.subtle.importKey('raw', raw, EC, true, []);
  } catch {
    return null;
  }
}

/** Imports the adapter's PKCS#8 private key and recovers its public point (needed for HKDF info). */
export async function importRecipientPrivateKey(
  base64: string,
): Promise<{ key: SubtleKey; publicRaw: Bytes } | null> {
  const der = fromBase64(base64);
  if (der === null) return null;
  try {
    const extractable = await crypto.subtle.importKey('pkcs8', der, EC, true, ['deriveBits']);
    const jwk = await crypto.subtle.exportKey('jwk', extractable);
    const x = fromBase64Url(jwk.x ?? '');
    const y = fromBase64Url(jwk.y ?? '');
    if (x === null || y === null || x.length !== 32 || y.length !== 32) return null;
    // Re-import without extractability so the long-lived handle cannot leak the secret.
    const key = await crypto.subtle.importKey('pkcs8', der, EC, false, ['deriveBits']);
    return { key, publicRaw: concatBytes(new Uint8Array([4]), x, y) };
  } catch {
    return null;
  }
}

/**
 * Shared secret → content key. The HKDF info binds both public keys and the token id, so a content
 * key is only ever valid for one ephemeral key, one recipient and one session.
 */
export async function deriveContentKey(args: {
  readonly privateKey: SubtleKey;
  readonly peerPublicKey: SubtleKey;
  readonly ephemeralPublicRaw: Bytes;
  readonly recipientPublicRaw: Bytes;
  readonly salt: Bytes;
  readonly tokenId: string;
}): Promise<SubtleKey> {
  const shared = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'ECDH', public: args.peerPublicKey }, args.privateKey, 256),
  );
  const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const info = concatBytes(
    HKDF_INFO_PREFIX,
    args.ephemeralPublicRaw,
    args.recipientPublicRaw,
    utf8(args.tokenId),
  );
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: args.salt, info },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function generateEphemeralKeyPair(): Promise<{ privateKey: SubtleKey; publicRaw: Bytes }> {
  const pair = await crypto.subtle.generateKey(EC, true, ['deriveBits']);
  return {
    privateKey: pair.privateKey,
    publicRaw: new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)),
  };
}
