import {
  checkLicense,
  decodeLicense,
  fromBase64,
  judgeLicense,
  type LicenseVerdict,
  type SignatureVerifier,
} from '@open-liveness/trust';

/**
 * Browser-side license check for `open({license})` / `open({licenseUrl})` (no-server deployments).
 * Ed25519 comes from WebCrypto (Chromium 137+, Firefox 129+, Safari 17+), so no crypto library
 * ships in the bundle.
 */

type VerifyKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

async function importEd25519(base64: string): Promise<VerifyKey | null> {
  const raw = fromBase64(base64);
  if (raw === null || raw.length !== 32) return null;
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null; // malformed key, or a browser without Ed25519 in SubtleCrypto
  }
}

function verifierFor(keys: readonly VerifyKey[]): SignatureVerifier {
  return async (message, signature) => {
    for (const key of keys) {
      if (await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message)) return true;
    }
    return false;
  };
}

export interface BrowserLicenseOptions {
  /** Trusted base64 raw Ed25519 public keys (built into the plugin or served by the adapter). */
  readonly publicKeys: readonly string[];
  /** Usually `window.origin`. */
  readonly origin: string;
  readonly masterSignature?: string | null;
  readonly now?: Date;
}

export async function verifyLicenseInBrowser(
  license: unknown,
  options: BrowserLicenseOptions,
): Promise<LicenseVerdict> {
  const imported = await Promise.all(options.publicKeys.map(importEd25519));
  const keys = imported.filter((key): key is VerifyKey => key !== null);
  if (keys.length === 0) {
    // Still run the shared rules: localhost stays exempt even where Ed25519 is unavailable.
    const verdict = judgeLicense(decodeLicense(license), {
      origin: options.origin,
      now: options.now ?? new Date(),
      signatureValid: false,
      masterSignatureValid: null,
    });
    return verdict.ok ? verdict : { ...verdict, detail: 'no usable Ed25519 public key in this browser' };
  }
  return checkLicense(license, {
    origin: options.origin,
    verify: verifierFor(keys),
    ...(options.masterSignature === undefined ? {} : { masterSignature: options.masterSignature }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}
