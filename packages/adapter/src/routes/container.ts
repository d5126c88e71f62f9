import express, { type Router } from 'express';
import { collectMedia } from '../capture/collect.js';
import { openSealedCapture } from '../container/open.js';
import { containerProblem } from '../container/problems.js';
import { captureFromContainer } from '../container/shot-sets.js';
import { readRawBody, uploadLimitsFromConfig } from '../uploads/index.js';
import { acceptCapture } from './accept-capture.js';
import type { ProtocolDeps } from './deps.js';
import { refuse } from './refuse.js';
import { rejectUpload } from './reject-upload.js';
import { uploadSession } from './upload-session.js';

/**
 * `POST api/v1/sessions/:session/container` (protocol.md §2b): the sealed capture as one
 * octet-stream body → open it (token, decryption, hashes, single use) → one shot set per action →
 * the same validation, folder and analyses as `/media` → 202.
 */
export function containerRouter(deps: ProtocolDeps): Router {
  const router = express.Router();
  const limits = uploadLimitsFromConfig(deps.config.limits);
  const { config, log, metrics } = deps;

  router.post('/api/v1/sessions/:session/container', async (req, res) => {
    const session = await uploadSession(deps, req, res);
    if (session === undefined) return;
    const { claims, api } = session;
    const runtime = deps.container;
    if (runtime === undefined) {
      refuse(res, 409, 'container_disabled', 'use_wasm_container is off: upload to /media instead');
      return;
    }
    const body = await readRawBody(req, limits.requestBytes);
    if (!body.ok) return rejectUpload(deps, res, body.error, claims.sid);

    const opened = await openSealedCapture(
      runtime,
      new Uint8Array(body.value.buffer, body.value.byteOffset, body.value.byteLength),
      claims,
      config.api_use_session_token,
      deps.now(),
    );
    if (!opened.ok) {
      metrics.containers.inc({ outcome: 'rejected', code: opened.code });
      metrics.uploads.inc({ outcome: 'rejected', code: opened.code });
      log.warn(
        { event_session_id: claims.sid, code: opened.code, detail: opened.message },
        'container rejected',
      );
      const p = containerProblem(opened.code);
      refuse(res, p.status, p.code, p.message);
      return;
    }
    metrics.containers.inc({ outcome: 'opened', code: '' });

    // From here on the capture is authentic; what remains is the ordinary upload validation.
    const capture = captureFromContainer(opened.value, limits);
    if (!capture.ok) return rejectUpload(deps, res, capture.error, claims.sid);
    const media = await deps.uploadChecks(() =>
      collectMedia(
        capture.value.form,
        capture.value.manifest,
        claims.actions,
        limits,
        claims.challenge ? claims.actions : undefined,
      ),
    );
    if (!media.ok) return rejectUpload(deps, res, media.error, claims.sid);
    await acceptCapture(deps, api, res, claims, {
      media: media.value,
      meta: capture.value.manifest.meta,
      extractBestShot: undefined,
    });
  });
  return router;
}
