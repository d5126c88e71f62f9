import { type RequestHandler, Router } from 'express';
import { apiError } from '../domain/errors.js';
import { mediaView } from '../domain/serialize.js';
import type { MediaRecord } from '../domain/types.js';
import { authOf, param, sendError } from '../http/context.js';
import type { Storage } from '../storage/types.js';

export function mediaRoutes(storage: Storage, auth: RequestHandler, baseUrl: string): Router {
  const r = Router();
  const find = async (id: string, companyId: string): Promise<MediaRecord | null> => {
    const m = await storage.meta.getMedia(id);
    return m && m.company_id === companyId ? m : null;
  };

  r.get('/api/media/:mediaId', auth, async (req, res) => {
    const m = await find(param(req, 'mediaId'), authOf(res).user.company_id);
    if (!m) return sendError(res, apiError('NOT_EXIST', 'Media not found'));
    res.json(mediaView(m, baseUrl));
  });

  r.get('/api/media/:mediaId/file', auth, async (req, res) => {
    const m = await find(param(req, 'mediaId'), authOf(res).user.company_id);
    if (!m) return sendError(res, apiError('NOT_EXIST', 'Media not found'));
    res.type(m.info.mime).send(Buffer.from(await storage.blobs.get(m.blob_key)));
  });

  return r;
}
