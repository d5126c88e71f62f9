import express, { type Response, type Router } from 'express';
import { buildAnalyses } from '../api-client/index.js';
import { collectMedia } from '../capture/collect.js';
import { keepPending } from '../capture/pending.js';
import { submitCapture } from '../capture/submit.js';
import { parseUploadManifest } from '../capture/upload-manifest.js';
import { problem, sendProblem } from '../http/problem.js';
import { shapeResult } from '../results/index.js';
import { sessionFromRequest } from '../session/from-request.js';
import { freshClaims, signSession } from '../session/token.js';
import { parseMultipart, type UploadError, uploadLimitsFromConfig } from '../uploads/index.js';
import { apiProblem } from './api-problem.js';
import type { ProtocolDeps } from './deps.js';

const FIELD_PATTERN = /^(manifest|video[1-9][0-9]?|photo[1-9][0-9]?)$/;

/** A refused upload may leave unread body bytes: close the connection instead of reading them. */
function refuse(res: Response, status: number, code: string, message: string): void {
  res.set('Connection', 'close');
  sendProblem(res, problem(status, code, message));
}

/**
 * `POST api/v1/sessions/:session/media` (protocol.md §2): parse under limits → validate every part
 * → create the folder with tags and metadata → launch the configured analyses → 202.
 */
export function mediaRouter(deps: ProtocolDeps): Router {
  const router = express.Router();
  const limits = uploadLimitsFromConfig(deps.config.limits);
  const { config, log, metrics } = deps;

  const rejected = (res: Response, error: UploadError, sid: string) => {
    metrics.uploads.inc({ outcome: 'rejected', code: error.code });
    log.warn({ event_session_id: sid, code: error.code, detail: error.detail }, 'upload rejected');
    refuse(res, error.status, error.code, error.message);
  };

  router.post('/api/v1/sessions/:session/media', async (req, res) => {
    const session = sessionFromRequest(req, deps.sessionSecret, deps.now());
    if (!session.ok) {
      refuse(res, session.problem.status, session.problem.code, session.problem.message);
      return;
    }
    const claims = session.claims;
    if (config.architecture === 'capture' || deps.api === undefined) {
      refuse(
        res,
        409,
        'capture_architecture',
        'architecture is "capture": the page hands the capture to its own backend',
      );
      return;
    }
    if (claims.folder_id !== undefined) {
      refuse(res, 409, 'session_already_uploaded', 'this session already has an upload; start a new session');
      return;
    }
    const form = await parseMultipart(req, limits, { fieldPattern: FIELD_PATTERN });
    if (!form.ok) return rejected(res, form.error, claims.sid);
    const manifest = parseUploadManifest(form.value.fields.manifest);
    if (!manifest.ok) return rejected(res, manifest.error, claims.sid);
    const media = await collectMedia(form.value, manifest.value, claims.actions, limits);
    if (!media.ok) return rejected(res, media.error, claims.sid);

    const analyses = buildAnalyses(config.analyses, media.value, {
      extractBestShot: manifest.value.params?.extract_best_shot ?? config.extract_best_shot,
      extractActionShot: config.extract_action_shot,
    });
    const instant = config.architecture === 'lite';
    const submitted = await submitCapture(deps.api, {
      media: media.value,
      folderMeta: { ...claims.meta, ...manifest.value.meta },
      analyses,
      instant,
      token: claims.api_token,
    });
    if (!submitted.ok) {
      const { error } = submitted;
      metrics.uploads.inc({ outcome: 'failed', code: error.code });
      let kept: string | undefined;
      if (error.code === 'api_unavailable' && submitted.upload !== undefined) {
        // The user's capture is valid; losing it to an outage would make them start over for nothing.
        kept = await keepPending(deps.dataDir, claims.sid, submitted.upload, {
          event_session_id: claims.sid,
          analyses,
          instant,
          ...(submitted.folderId ? { folder_id: submitted.folderId } : {}),
        }).catch((err: unknown) => {
          log.error({ err, event_session_id: claims.sid }, 'could not keep the pending upload');
          return undefined;
        });
      }
      log.error(
        { event_session_id: claims.sid, code: error.code, cause: error.cause, status: error.status, kept },
        'upload not submitted',
      );
      const p = apiProblem(error);
      refuse(res, p.status, p.code, p.message);
      return;
    }
    const folder = submitted.folder;
    metrics.uploads.inc({ outcome: 'accepted', code: '' });
    log.info(
      {
        event_session_id: claims.sid,
        folder_id: folder.folder_id,
        media: media.value.length,
        analyses: analyses.map((a) => a.type),
      },
      'capture submitted',
    );
    // lite answers once: keep what the page may see in the token (never the whole folder).
    const result = instant
      ? shapeResult(folder, config.result_mode === 'full' ? 'folder' : config.result_mode)
      : undefined;
    const next = freshClaims(
      { ...claims, folder_id: folder.folder_id, ...(result ? { result: { ...result } } : {}) },
      deps.now(),
    );
    const shaped = result ?? shapeResult({ ...folder, resolution_status: 'PROCESSING' }, config.result_mode);
    res.status(202).json({ ...shaped, session: signSession(deps.sessionSecret, next) });
  });
  return router;
}
