import { type RequestHandler, Router } from 'express';
import type { FolderService } from '../app/folders.js';
import { type FolderPayload, folderPayloadSchema, issuesOf, launchBodySchema } from '../app/schemas.js';
import { type ApiError, apiError, err, ok, type Result } from '../domain/errors.js';
import { analysisView } from '../domain/serialize.js';
import { authOf, filesOf, param, sendError, sendResult } from '../http/context.js';
import { folderQueryFrom } from './query.js';

/** The `payload` form field: absent means `{}`; otherwise it must be JSON matching the schema. */
export function payloadOf(raw: unknown): Result<FolderPayload, ApiError> {
  if (raw === undefined || raw === '') return ok({});
  let json: unknown;
  try {
    json = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return err(apiError('INVALID_STRUCTURE', 'payload is not valid JSON'));
  }
  const parsed = folderPayloadSchema.safeParse(json);
  return parsed.success
    ? ok(parsed.data)
    : err(apiError('INVALID_STRUCTURE', 'Invalid payload', issuesOf(parsed.error)));
}

const UNSUPPORTED_LIST_FILTERS = [
  'resolution_status',
  'analyse.resolution_status',
  'analyse.type',
  'with_results_media_filter',
];

export function folderRoutes(folders: FolderService, auth: RequestHandler, upload: RequestHandler): Router {
  const r = Router();

  r.post('/api/folders', auth, upload, async (req, res) => {
    const payload = payloadOf(req.body?.payload);
    if (!payload.ok) return sendError(res, payload.error);
    sendResult(res, await folders.create(authOf(res).user, filesOf(req), payload.value), 201);
  });

  r.get('/api/folders', auth, async (req, res) => {
    const unsupported = UNSUPPORTED_LIST_FILTERS.filter((k) => k in req.query);
    if (unsupported.length)
      return sendError(res, apiError('NOT_REALIZED', `Filters not supported: ${unsupported.join(', ')}`));
    const q = folderQueryFrom(req, authOf(res).user.company_id);
    if (!q.ok) return sendError(res, q.error);
    const items = await folders.list(q.value.query, q.value.withAnalyses);
    res.json({ items, offset: q.value.query.offset, limit: q.value.query.limit });
  });

  r.get('/api/folders/:folderId', auth, async (req, res) => {
    const f = await folders.folderFor(authOf(res).user, param(req, 'folderId'));
    if (!f.ok) return sendError(res, f.error);
    res.json(await folders.view(f.value));
  });

  r.post('/api/folders/:folderId/media', auth, upload, async (req, res) => {
    const payload = payloadOf(req.body?.payload);
    if (!payload.ok) return sendError(res, payload.error);
    sendResult(
      res,
      await folders.addMedia(authOf(res).user, param(req, 'folderId'), filesOf(req), payload.value),
      201,
    );
  });

  r.post('/api/folders/:folderId/analyses', auth, async (req, res) => {
    const user = authOf(res).user;
    const body = launchBodySchema.safeParse(req.body);
    if (!body.success)
      return sendError(
        res,
        apiError('INVALID_STRUCTURE', 'Expected {"analyses":[{"type":...}]}', issuesOf(body.error)),
      );
    const f = await folders.folderFor(user, param(req, 'folderId'));
    if (!f.ok) return sendError(res, f.error);
    const launched = await folders.launch(user, f.value, body.data.analyses);
    if (!launched.ok) return sendError(res, launched.error);
    // The exact Oz body is undocumented; a list of analysis objects carries every id a client needs.
    res.status(201).json(launched.value.analyses.map(analysisView));
  });

  r.get('/api/folders/:folderId/analyses', auth, async (req, res) => {
    const f = await folders.folderFor(authOf(res).user, param(req, 'folderId'));
    if (!f.ok) return sendError(res, f.error);
    const view = await folders.view(f.value, true);
    const wanted = typeof req.query.resolution_status === 'string' ? req.query.resolution_status : null;
    const analyses = (view.analyses as { resolution_status: string }[]).filter(
      (a) => !wanted || a.resolution_status === wanted,
    );
    res.json(analyses);
  });

  return r;
}
