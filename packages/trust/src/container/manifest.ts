import { type Bytes, concatBytes, fromUtf8, utf8 } from '../bytes.js';
import { isRecord, type JsonValue, parseJson } from '../json.js';

export const MANIFEST_VERSION = 1;

/** One media item inside the container. */
export interface ContainerEntry {
  /** Unique within the container, e.g. `video_selfie_left/frame_0003.jpg`. */
  readonly name: string;
  /** MIME type of the bytes (`image/jpeg`, `application/zip`, …). */
  readonly type: string;
  /** `frame`: one captured camera frame; `file`: anything else (best frame PNG, shot-set ZIP). */
  readonly kind: 'frame' | 'file';
  /** Byte range inside the payload section of the plaintext. */
  readonly offset: number;
  readonly length: number;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
  /** Action the item belongs to (`video_selfie_left`, …). */
  readonly action?: string;
  /** Frames: index within the action, in capture order. */
  readonly index?: number;
  /** Frames: capture time in milliseconds (requestVideoFrameCallback `now`/mediaTime based). */
  readonly timestamp_ms?: number;
}

export interface ContainerManifest {
  readonly version: typeof MANIFEST_VERSION;
  /** Repeats the header's token id inside the ciphertext. */
  readonly token_id: string;
  /** Sealing time by the client's clock (informational; the token's expiry is what is enforced). */
  readonly created_at: string;
  readonly entries: readonly ContainerEntry[];
  /** The integrity evidence envelope (see docs/evidence.md), or null. */
  readonly evidence: JsonValue;
  /** Host-page metadata (`open({meta})`). */
  readonly meta: Readonly<Record<string, string>>;
}

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/** Plaintext = u32 manifest length, manifest JSON, then every entry's bytes back to back. */
export function encodePlaintext(manifest: ContainerManifest, payloads: readonly Uint8Array[]): Bytes {
  const manifestBytes = utf8(JSON.stringify(manifest));
  const prefix = new Uint8Array(4);
  new DataView(prefix.buffer).setUint32(0, manifestBytes.length);
  return concatBytes(prefix, manifestBytes, ...payloads);
}

function isEntry(value: unknown): value is ContainerEntry {
  if (!isRecord(value)) return false;
  const { name, type, kind, offset, length, sha256, action, index, timestamp_ms } = value;
  return (
    typeof name === 'string' &&
    name !== '' &&
    typeof type === 'string' &&
    (kind === 'frame' || kind === 'file') &&
    Number.isSafeInteger(offset) &&
    Number.isSafeInteger(length) &&
    typeof sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(sha256) &&
    (action === undefined || typeof action === 'string') &&
    (index === undefined || Number.isSafeInteger(index)) &&
    (timestamp_ms === undefined || (typeof timestamp_ms === 'number' && Number.isFinite(timestamp_ms)))
  );
}

function isManifest(value: unknown): value is ContainerManifest {
  if (!isRecord(value)) return false;
  const { version, token_id, created_at, entries, meta } = value;
  return (
    version === MANIFEST_VERSION &&
    typeof token_id === 'string' &&
    typeof created_at === 'string' &&
    Array.isArray(entries) &&
    entries.every(isEntry) &&
    'evidence' in value &&
    isRecord(meta) &&
    Object.values(meta).every((item) => typeof item === 'string')
  );
}

/**
 * Parses decrypted plaintext. The entries must tile the payload exactly (contiguous, in order, no
 * gaps, no trailing bytes) so nothing can ride along unlisted; names must be unique.
 */
export function decodePlaintext(plain: Bytes): { manifest: ContainerManifest; payload: Bytes } | null {
  if (plain.length < 4) return null;
  const manifestLength = new DataView(plain.buffer, plain.byteOffset, plain.byteLength).getUint32(0);
  if (manifestLength > MAX_MANIFEST_BYTES || 4 + manifestLength > plain.length) return null;
  const text = fromUtf8(plain.subarray(4, 4 + manifestLength));
  const manifest = text === null ? undefined : parseJson(text);
  if (!isManifest(manifest)) return null;
  const payload = plain.subarray(4 + manifestLength);
  let expected = 0;
  const names = new Set<string>();
  for (const entry of manifest.entries) {
    if (entry.offset !== expected || entry.length < 0 || names.has(entry.name)) return null;
    names.add(entry.name);
    expected += entry.length;
  }
  if (expected !== payload.length) return null;
  return { manifest, payload: new Uint8Array(payload) };
}
