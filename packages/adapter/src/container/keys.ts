import { generateContainerKeyPair } from '@open-liveness/trust';
import type { Logger } from 'pino';

/** The adapter's container key pair, both halves as base64 (formats of docs/container.md). */
export interface ContainerKeys {
  /** Base64 PKCS#8 P-256: only ever given to `openContainer`. */
  readonly privateKey: string;
  /** Base64 raw uncompressed point (65 bytes): sent to the plugin as `container_public_key`. */
  readonly publicKey: string;
}

const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

/**
 * Recovers the public point from a PKCS#8 private key, which also proves WebCrypto accepts the key
 * the way `openContainer` will import it. Null when it is not a usable P-256 key.
 */
export async function containerKeysFrom(privateKey: string): Promise<ContainerKeys | null> {
  try {
    const der = Buffer.from(privateKey, 'base64');
    const key = await crypto.subtle.importKey('pkcs8', der, EC, true, ['deriveBits']);
    const jwk = await crypto.subtle.exportKey('jwk', key);
    const x = Buffer.from(jwk.x ?? '', 'base64url');
    const y = Buffer.from(jwk.y ?? '', 'base64url');
    if (jwk.crv !== 'P-256' || x.length !== 32 || y.length !== 32) return null;
    return { privateKey, publicKey: Buffer.concat([Buffer.from([4]), x, y]).toString('base64') };
  } catch {
    return null;
  }
}

/**
 * The configured key, or a fresh one with a warning: a generated key makes containers unopenable
 * after a restart and by other adapters, which is fine for a demo and wrong for production.
 * Throws (with the key named) when a configured key is unusable, so the adapter does not start.
 */
export async function resolveContainerKeys(
  configured: string | undefined,
  log: Logger,
): Promise<ContainerKeys> {
  if (configured !== undefined) {
    const keys = await containerKeysFrom(configured);
    if (keys === null) throw new Error('container_private_key is not a base64 PKCS#8 P-256 private key');
    log.info({ container_public_key: keys.publicKey }, 'sealed containers: configured key');
    return keys;
  }
  const pair = await generateContainerKeyPair();
  log.warn(
    { container_public_key: pair.publicKey },
    'container_private_key not set: generated one; containers cannot be opened after a restart or by another adapter',
  );
  return pair;
}
