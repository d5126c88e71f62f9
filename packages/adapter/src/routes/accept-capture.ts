import type { Response } from 'express';
import { buildAnalyses, type MediaUpload, type OzApiClient, UPLOAD_ID_META } from '../api-client/index.js';
import { keepPending } from '../capture/pending.js';
import { submitCapture } from '../capture/submit.js';
import { shapeResult } from '../results/index.js';
import { freshClaims, type SessionClaims, signSession } from '../session/token.js';
import { apiProblem } from './api-problem.js';
import type { ProtocolDeps } from './deps.js';
import { refuse } from './refuse.js';
import { uploadKey } from './upload-session.js';

export interface ValidCapture {
  readonly media: readonly MediaUpload[];
  /** Upload-time meta, merged over the session's meta into the folder's meta_data. */
  readonly meta: Readonly<Record<string, string>> | undefined;
  /** `params.extract_best_shot` of the upload, when the page set it. */
  readonly extractBestShot: boolean | undefined;
}

/**
 * What happens to a validated capture, however it arrived (multipart `/media` or a sealed
 * `/container`): create the folder with tags and metadata, launch the configured analyses, keep the
 * upload on disk when the API is down, and answer 202 with the shaped result and a new session token.
 */
export async function acceptCapture(
  deps: ProtocolDeps,
  api: OzApiClient,
  res: Response,
  claims: SessionClaims,
  capture: ValidCapture,
): Promise<void> {
  const { config, log, metrics } = deps;
  // One accepted upload per session. The token is stateless, so this is remembered by session (in
  // memory, per process, like the container tokens); rejected uploads above did not count.
  if (!(await deps.uploadedSessions.consume(uploadKey(claims), claims.exp * 1000))) {
    refuse(res, 409, 'session_already_uploaded', 'this session already has an upload; start a new session');
    return;
  }
  const analyses = buildAnalyses(config.analyses, capture.media, {
    extractBestShot: capture.extractBestShot ?? config.extract_best_shot,
    extractActionShot: config.extract_action_shot,
  });
  const instant = config.architecture === 'lite';
  const submitted = await submitCapture(api, {
    media: capture.media,
    // The upload's own id last, so the page's meta cannot replace it (see UPLOAD_ID_META).
    folderMeta: { ...claims.meta, ...capture.meta, [UPLOAD_ID_META]: uploadKey(claims) },
    analyses,
    instant,
    token: claims.api_token,
  });
  if (!submitted.ok) {
    const { error } = submitted;
    metrics.uploads.inc({ outcome: 'failed', code: error.code });
    let kept: string | undefined;
    // Unavailable, or an answer that could not be read (the folder may exist: replay looks for it).
    const keep = error.code === 'api_unavailable' || error.code === 'api_bad_response';
    if (keep && submitted.upload !== undefined) {
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
      if (kept !== undefined) deps.pending?.noteKept();
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
  // The API answers again: uploads kept during the outage go now, without holding up this answer.
  void deps.pending?.afterSuccess();
  log.info(
    {
      event_session_id: claims.sid,
      folder_id: folder.folder_id,
      media: capture.media.length,
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
}
