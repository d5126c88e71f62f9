import express, { type Router } from 'express';
import { type AdapterConfig, redactConfig } from '../config/index.js';
import { checkInstalledLicense, type LicenseSettings } from '../licensing/for-request.js';
import type { Versions } from '../version.js';

/**
 * `GET /debug.php` (Web SDK 1.1.0), only with `debug: true`: the effective configuration with every
 * secret masked, the versions and the installed licence. Otherwise the path does not exist (404).
 */
export function debugRouter(config: AdapterConfig, versions: Versions, license: LicenseSettings): Router {
  const router = express.Router();
  if (!config.debug) return router;
  router.get('/debug.php', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({
      versions,
      config: redactConfig(config),
      license: checkInstalledLicense(license, null),
    });
  });
  return router;
}
