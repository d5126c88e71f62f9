import type { Request, Response } from 'express';
import type { UploadedFile } from '../app/uploads.js';
import type { AuthContext } from '../auth/sessions.js';
import { type ApiError, errorBody, errorHttpStatus, type Result } from '../domain/errors.js';

export const TOKEN_HEADER = 'x-forensic-access-token';

/** The authenticated caller, put there by `requireAuth`. */
export function authOf(res: Response): AuthContext {
  const ctx = res.locals.auth as AuthContext | undefined;
  if (!ctx) throw new Error('route mounted without requireAuth');
  return ctx;
}

export function sendError(res: Response, e: ApiError): void {
  res.status(errorHttpStatus(e)).json(errorBody(e));
}

/** Sends a Result: the value with `status`, or the error in Oz's error body. */
export function sendResult<T>(res: Response, r: Result<T, ApiError>, status = 200): void {
  if (r.ok) res.status(status).json(r.value);
  else sendError(res, r.error);
}

/** Multer's files in our own shape. */
export function filesOf(req: Request): UploadedFile[] {
  const files = req.files;
  if (!Array.isArray(files)) return [];
  return files.map((f) => ({
    field: f.fieldname,
    originalName: f.originalname,
    mime: f.mimetype,
    bytes: new Uint8Array(f.buffer.buffer, f.buffer.byteOffset, f.buffer.byteLength),
  }));
}

/** A route parameter as a string (Express 5 types allow arrays for wildcard params). */
export function param(req: Request, name: string): string {
  const v = req.params[name];
  return Array.isArray(v) ? v.join('/') : (v ?? '');
}
