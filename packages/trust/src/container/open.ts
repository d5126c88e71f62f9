import { type Bytes, sha256Hex } from '../bytes.js';
import { err, ok, type Result } from '../result.js';
import { type SessionTokenClaims, verifySessionToken } from '../token/session-token.js';
import type { UsedTokenStore } from '../token/used-store.js';
import type { ContainerCode } from './codes.js';
import { deriveContentKey, importPublicPoint, importRecipientPrivateKey } from './keys.js';
import { decodeContainer } from './layout.js';
import { type ContainerEntry, type ContainerManifest, decodePlaintext } from './manifest.js';

export interface OpenContainerOptions {
  /** The session token this upload claims to belong to (from the request, not from the container). */
  readonly sessionToken: string;
  /** HMAC secret the adapter issues session tokens with. */
  readonly tokenSecret: string | Uint8Array;
  /** Base64 PKCS#8 P-256 private key matching the `enc_public_key` the plugin sealed for. */
  readonly privateKey: string;
  /** Single-use bookkeeping; the token is consumed only once the container has fully verified. */
  readonly usedTokens: UsedTokenStore;
  readonly now?: Date;
  readonly clockSkewMs?: number;
}

export interface OpenedEntry extends ContainerEntry {
  readonly bytes: Bytes;
}

export interface OpenedContainer {
  readonly manifest: ContainerManifest;
  readonly entries: readonly OpenedEntry[];
  readonly claims: SessionTokenClaims;
}

/**
 * Verifies and decrypts a container. Checks run cheapest and least revealing first: layout, then the
 * token (signature, expiry, binding to this container), then decryption and hashes. The token is
 * consumed last, so a corrupted upload does not burn the session of a legitimate retry.
 */
export async function openContainer(
  bytes: Uint8Array,
  options: OpenContainerOptions,
): Promise<Result<OpenedContainer, ContainerCode>> {
  const split = decodeContainer(bytes);
  if (split === null) return err('container_malformed', 'not a v1 container');
  const { header } = split;

  const token = await verifySessionToken(options.sessionToken, options.tokenSecret, {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.clockSkewMs === undefined ? {} : { clockSkewMs: options.clockSkewMs }),
  });
  if (!token.ok) {
    const code = token.code === 'token_expired' ? 'container_token_expired' : 'container_token_invalid';
    return err(code, token.message);
  }
  if (token.value.jti !== header.tokenId) {
    return err('container_token_mismatch', 'container header names another session token');
  }

  const recipient = await importRecipientPrivateKey(options.privateKey);
  if (recipient === null) return err('container_key_invalid', 'private key is not base64 PKCS#8 P-256');
  // The header is authenticated, so an ephemeral key that is not even a curve point means tampering.
  const ephemeral = await importPublicPoint(header.ephemeralPublicKey);
  if (ephemeral === null) return err('container_tampered', 'ephemeral key is not a P-256 point');

  let plain: Bytes;
  try {
    const key = await deriveContentKey({
      privateKey: recipient.key,
      peerPublicKey: ephemeral,
      ephemeralPublicRaw: header.ephemeralPublicKey,
      recipientPublicRaw: recipient.publicRaw,
      salt: header.salt,
      tokenId: header.tokenId,
    });
    plain = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: header.iv, additionalData: split.aad },
        key,
        split.ciphertext,
      ),
    );
  } catch {
    return err('container_tampered', 'authentication tag does not verify');
  }

  const decoded = decodePlaintext(plain);
  if (decoded === null) return err('container_malformed', 'authentic but unreadable manifest');
  const { manifest, payload } = decoded;
  if (manifest.token_id !== header.tokenId)
    return err('container_token_mismatch', 'manifest token id differs');
  const entries: OpenedEntry[] = [];
  for (const entry of manifest.entries) {
    const entryBytes = payload.slice(entry.offset, entry.offset + entry.length);
    if ((await sha256Hex(entryBytes)) !== entry.sha256) {
      return err('container_tampered', `hash mismatch for ${entry.name}`);
    }
    entries.push({ ...entry, bytes: entryBytes });
  }

  if (!(await options.usedTokens.consume(token.value.jti, token.value.exp * 1000))) {
    return err('container_replayed', 'session token already used by an earlier container');
  }
  return ok({ manifest, entries, claims: token.value });
}
