import express, { type Router } from 'express';
import { collectMedia } from '../capture/collect.js';
import { parseUploadManifest } from '../capture/upload-manifest.js';
import { parseMultipart, uploadLimitsFromConfig } from '../uploads/index.js';
import { acceptCapture } from './accept-capture.js';
import type { ProtocolDeps } from './deps.js';
import { rejectUpload } from './reject-upload.js';
import { uploadSession } from './upload-session.js';

const FIELD_PATTERN = /^(manifest|video[1-9][0-9]?|photo[1-9][0-9]?)$/;

/**
 * `POST api/v1/sessions/:session/media` (protocol.md §2): parse under limits → validate every part
 * → create the folder with tags and metadata → launch the configured analyses → 202.
 */
export function mediaRouter(deps: ProtocolDeps): Router {
  const router = express.Router();
  const limits = uploadLimitsFromConfig(deps.config.limits);

  router.post('/api/v1/sessions/:session/media', async (req, res) => {
    const session = await uploadSession(deps, req, res);
    if (session === undefined) return;
    const { claims, api } = session;
    const form = await parseMultipart(req, limits, { fieldPattern: FIELD_PATTERN });
    if (!form.ok) return rejectUpload(deps, res, form.error, claims.sid);
    const manifest = parseUploadManifest(form.value.fields.manifest);
    if (!manifest.ok) return rejectUpload(deps, res, manifest.error, claims.sid);
    const media = await deps.uploadChecks(() =>
      collectMedia(
        form.value,
        manifest.value,
        claims.actions,
        limits,
        claims.challenge ? claims.actions : undefined,
      ),
    );
    if (!media.ok) return rejectUpload(deps, res, media.error, claims.sid);
    await acceptCapture(deps, api, res, claims, {
      media: media.value,
      meta: manifest.value.meta,
      extractBestShot: manifest.value.params?.extract_best_shot,
    });
  });
  return router;
}
