import { readFileSync } from 'node:fs';
import type { AdapterConfig } from '../config/index.js';
import type { LicenseSettings } from '../licensing/for-request.js';

export type InstalledLicense = { ok: true; settings: LicenseSettings } | { ok: false; message: string };

/** `license` from the configuration, else the JSON file named by `license_file`. */
export function installedLicense(config: AdapterConfig): InstalledLicense {
  let installed: unknown = config.license;
  if (installed === undefined && config.license_file !== undefined) {
    try {
      installed = JSON.parse(readFileSync(config.license_file, 'utf8')) as unknown;
    } catch (err) {
      return {
        ok: false,
        message: `license_file ${config.license_file}: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
  }
  return {
    ok: true,
    settings: {
      publicKeys: config.license_public_keys,
      installed,
      masterSignature: config.master_license_signature,
    },
  };
}
