import { type Bytes, concatBytes, sha256Hex } from '../bytes.js';
import type { JsonValue } from '../json.js';
import { err, ok, type Result } from '../result.js';
import { readSessionTokenId } from '../token/session-token.js';
import type { SealCode } from './codes.js';
import { deriveContentKey, generateEphemeralKeyPair, importRecipientPublicKey } from './keys.js';
import { encodeHeader, IV_LENGTH, MAX_TOKEN_ID_LENGTH, SALT_LENGTH } from './layout.js';
import {
  type ContainerEntry,
  type ContainerManifest,
  encodePlaintext,
  MANIFEST_VERSION,
} from './manifest.js';

/** One item to seal; offset and hash are computed here. */
export interface SealEntryInput {
  readonly name: string;
  readonly type: string;
  readonly kind: 'frame' | 'file';
  readonly bytes: Uint8Array;
  readonly action?: string;
  readonly index?: number;
  readonly timestamp_ms?: number;
}

export interface SealInput {
  /** The session token from the adapter or `open({session_token})`; only its id is read here. */
  readonly sessionToken: string;
  /** Base64 raw P-256 public key of the adapter (a license's `enc_public_key`). */
  readonly recipientPublicKey: string;
  readonly entries: readonly SealEntryInput[];
  readonly evidence?: JsonValue;
  readonly meta?: Readonly<Record<string, string>>;
  readonly now?: Date;
}

/** Seals a whole capture into one opaque container (`application/octet-stream`). */
export async function sealContainer(input: SealInput): Promise<Result<Bytes, SealCode>> {
  const tokenId = readSessionTokenId(input.sessionToken);
  if (tokenId === null || tokenId.length > MAX_TOKEN_ID_LENGTH) {
    return err('seal_token_unreadable', 'session token has no readable jti');
  }
  const recipient = await importRecipientPublicKey(input.recipientPublicKey);
  if (recipient === null) return err('seal_public_key_invalid', 'expected base64 raw uncompressed P-256 key');
  const names = new Set<string>();
  for (const entry of input.entries) {
    if (entry.name === '' || names.has(entry.name))
      return err('seal_entry_invalid', `bad name "${entry.name}"`);
    names.add(entry.name);
  }

  const entries: ContainerEntry[] = [];
  let offset = 0;
  for (const { bytes, ...rest } of input.entries) {
    entries.push({ ...rest, offset, length: bytes.length, sha256: await sha256Hex(new Uint8Array(bytes)) });
    offset += bytes.length;
  }
  const manifest: ContainerManifest = {
    version: MANIFEST_VERSION,
    token_id: tokenId,
    created_at: (input.now ?? new Date()).toISOString(),
    entries,
    evidence: input.evidence ?? null,
    meta: input.meta ?? {},
  };
  const plaintext = encodePlaintext(
    manifest,
    input.entries.map((entry) => entry.bytes),
  );

  const ephemeral = await generateEphemeralKeyPair();
  const salt = crypto.getRandomValues(new Uint8Array(SALT_LENGTH));
  const iv = crypto.getRandomValues(new Uint8Array(IV_LENGTH));
  const header = encodeHeader({ ephemeralPublicKey: ephemeral.publicRaw, salt, iv, tokenId });
  const key = await deriveContentKey({
    privateKey: ephemeral.privateKey,
    peerPublicKey: recipient.key,
    ephemeralPublicRaw: ephemeral.publicRaw,
    recipientPublicRaw: recipient.raw,
    salt,
    tokenId,
  });
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header }, key, plaintext),
  );
  return ok(concatBytes(header, ciphertext));
}
