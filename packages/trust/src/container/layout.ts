import { type Bytes, concatBytes, fromUtf8, utf8 } from '../bytes.js';

/**
 * Version 1 byte layout (all integers big-endian). See docs/container.md.
 *
 *   0   4   magic "OLSC"
 *   4   1   format version (1)
 *   5   1   cipher suite (1 = ECDH P-256, HKDF-SHA-256, AES-256-GCM)
 *   6   2   token id length N (1..256)
 *   8   65  ephemeral P-256 public key, uncompressed point
 *   73  32  HKDF salt
 *   105 12  AES-GCM IV
 *   117 N   session token id, UTF-8
 *   117+N   ciphertext followed by the 16-byte GCM tag
 *
 * Bytes [0, 117+N) are the AES-GCM additional authenticated data, so every header byte, the token id
 * included, is covered by the tag.
 */
export const CONTAINER_MAGIC = utf8('OLSC');
export const CONTAINER_VERSION = 1;
export const SUITE_P256_HKDF_A256GCM = 1;
export const EPK_LENGTH = 65;
export const SALT_LENGTH = 32;
export const IV_LENGTH = 12;
export const TAG_LENGTH = 16;
export const MAX_TOKEN_ID_LENGTH = 256;
const FIXED_HEADER_LENGTH = 117;

export interface ContainerHeader {
  readonly version: number;
  readonly suite: number;
  readonly ephemeralPublicKey: Bytes;
  readonly salt: Bytes;
  readonly iv: Bytes;
  readonly tokenId: string;
}

export function encodeHeader(header: Omit<ContainerHeader, 'version' | 'suite'>): Bytes {
  const tokenId = utf8(header.tokenId);
  const fixed = new Uint8Array(8);
  fixed.set(CONTAINER_MAGIC, 0);
  const view = new DataView(fixed.buffer);
  view.setUint8(4, CONTAINER_VERSION);
  view.setUint8(5, SUITE_P256_HKDF_A256GCM);
  view.setUint16(6, tokenId.length);
  return concatBytes(fixed, header.ephemeralPublicKey, header.salt, header.iv, tokenId);
}

export interface SplitContainer {
  readonly header: ContainerHeader;
  /** The exact header bytes, used as additional authenticated data. */
  readonly aad: Bytes;
  readonly ciphertext: Bytes;
}

/** Splits a container into header and ciphertext; null when it cannot be a v1 container. */
export function decodeContainer(bytes: Uint8Array): SplitContainer | null {
  if (bytes.length < FIXED_HEADER_LENGTH + 1 + TAG_LENGTH) return null;
  for (let i = 0; i < CONTAINER_MAGIC.length; i++) if (bytes[i] !== CONTAINER_MAGIC[i]) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(4);
  const suite = view.getUint8(5);
  const tokenLength = view.getUint16(6);
  if (version !== CONTAINER_VERSION || suite !== SUITE_P256_HKDF_A256GCM) return null;
  if (tokenLength === 0 || tokenLength > MAX_TOKEN_ID_LENGTH) return null;
  const headerLength = FIXED_HEADER_LENGTH + tokenLength;
  if (bytes.length < headerLength + TAG_LENGTH) return null;
  const tokenId = fromUtf8(bytes.subarray(FIXED_HEADER_LENGTH, headerLength));
  if (tokenId === null) return null;
  const slice = (start: number, end: number): Bytes => new Uint8Array(bytes.subarray(start, end));
  return {
    header: {
      version,
      suite,
      ephemeralPublicKey: slice(8, 73),
      salt: slice(73, 105),
      iv: slice(105, 117),
      tokenId,
    },
    aad: slice(0, headerLength),
    ciphertext: slice(headerLength, bytes.length),
  };
}
