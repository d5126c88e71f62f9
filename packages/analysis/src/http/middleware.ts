import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { SessionService } from '../auth/sessions.js';
import { apiError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import { sendError, TOKEN_HEADER } from './context.js';

export function requireAuth(sessions: SessionService): RequestHandler {
  return async (req, res, next) => {
    const r = await sessions.authenticate(req.get(TOKEN_HEADER));
    if (!r.ok) return sendError(res, r.error);
    res.locals.auth = r.value;
    next();
  };
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/** Multipart parser keeping files in memory (they are written to the blob store right away). */
export function multipart(limits: UploadLimits): RequestHandler {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 20, fieldSize: 1024 * 1024 },
  }).any();
}

/** Last-resort handler: known client errors become Oz error bodies, the rest a logged 500. */
export function errorHandler(logger: Logger) {
  return (e: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (e instanceof multer.MulterError) {
      sendError(res, apiError('INVALID_VALUE', `Upload rejected: ${e.message}`, { code: e.code }));
      return;
    }
    if (typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'entity.parse.failed') {
      sendError(res, apiError('INVALID_STRUCTURE', 'Request body is not valid JSON'));
      return;
    }
    logger.error({ err: (e as Error)?.message ?? String(e) }, 'unhandled error');
    sendError(res, apiError('UNKNOWN', 'Unknown server side error occurred'));
  };
}
