import express, { type Router } from 'express';
import { checkLicenseResponse } from '../licensing/check-response.js';
import { checkInstalledLicense, type LicenseSettings, requestOrigin } from '../licensing/for-request.js';

/**
 * `GET /check_license.php` (Web SDK 1.7.13): the verdict for the installed licence and the calling
 * page's origin (`Origin`, else `Referer`, else `?origin=`), shaped by docs/licensing.md.
 */
export function checkLicenseRouter(license: LicenseSettings): Router {
  const router = express.Router();
  router.get('/check_license.php', (req, res) => {
    const claimed = typeof req.query.origin === 'string' ? req.query.origin : undefined;
    const { status, body } = checkLicenseResponse(
      checkInstalledLicense(license, requestOrigin(req, claimed)),
    );
    res.set('Cache-Control', 'no-store');
    // Any page may read its own verdict (no credentials), so an integrator can diagnose a refusal.
    res.set('Access-Control-Allow-Origin', '*');
    res.status(status).json(body);
  });
  return router;
}
