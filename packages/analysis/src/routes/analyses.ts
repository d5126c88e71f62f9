import { type RequestHandler, Router } from 'express';
import { apiError } from '../domain/errors.js';
import { analysisView } from '../domain/serialize.js';
import { authOf, param, sendError } from '../http/context.js';
import type { MetadataStore } from '../storage/types.js';

export function analysisRoutes(meta: MetadataStore, auth: RequestHandler): Router {
  const r = Router();
  r.get('/api/analyses/:analysisId', auth, async (req, res) => {
    const id = param(req, 'analysisId');
    const a = await meta.getAnalysis(id);
    if (!a || a.company_id !== authOf(res).user.company_id)
      return sendError(res, apiError('NOT_EXIST', `Analysis ${id} not found`));
    res.json(analysisView(a));
  });
  return r;
}
