import { type RequestHandler, Router } from 'express';
import type { CollectionService } from '../app/collections.js';
import { collectionBodySchema, issuesOf, personPayloadSchema } from '../app/schemas.js';
import { apiError } from '../domain/errors.js';
import { authOf, filesOf, param, sendError, sendResult } from '../http/context.js';

export function collectionRoutes(
  collections: CollectionService,
  auth: RequestHandler,
  upload: RequestHandler,
): Router {
  const r = Router();

  r.post('/api/collections', auth, async (req, res) => {
    const body = collectionBodySchema.safeParse(req.body ?? {});
    if (!body.success)
      return sendError(res, apiError('INVALID_STRUCTURE', 'Invalid collection', issuesOf(body.error)));
    const c = await collections.create(authOf(res).user, body.data.alias, body.data.meta_data ?? {});
    res.status(201).json(collections.collectionView(c));
  });

  r.get('/api/collections', auth, async (_req, res) => {
    res.json({ items: (await collections.list(authOf(res).user)).map((c) => collections.collectionView(c)) });
  });

  r.get('/api/collections/:collectionId', auth, async (req, res) => {
    const c = await collections.get(authOf(res).user, param(req, 'collectionId'));
    if (!c.ok) return sendError(res, c.error);
    res.json(collections.collectionView(c.value));
  });

  r.post('/api/collections/:collectionId/persons', auth, upload, async (req, res) => {
    let payload: unknown = {};
    try {
      payload = typeof req.body?.payload === 'string' ? JSON.parse(req.body.payload) : {};
    } catch {
      return sendError(res, apiError('INVALID_STRUCTURE', 'payload is not valid JSON'));
    }
    const p = personPayloadSchema.safeParse(payload);
    if (!p.success)
      return sendError(res, apiError('INVALID_STRUCTURE', 'Invalid payload', issuesOf(p.error)));
    const meta = p.data['person:meta_data'] ?? p.data.meta_data ?? {};
    sendResult(
      res,
      await collections.addPerson(authOf(res).user, param(req, 'collectionId'), filesOf(req), meta),
      201,
    );
  });

  r.get('/api/collections/:collectionId/persons/:personId', auth, async (req, res) => {
    sendResult(
      res,
      await collections.getPerson(authOf(res).user, param(req, 'collectionId'), param(req, 'personId')),
    );
  });

  r.delete('/api/collections/:collectionId/persons/:personId', auth, async (req, res) => {
    const d = await collections.deletePerson(
      authOf(res).user,
      param(req, 'collectionId'),
      param(req, 'personId'),
    );
    if (!d.ok) return sendError(res, d.error);
    res.status(204).end();
  });

  return r;
}
