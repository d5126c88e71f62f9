import type { Response } from 'express';
import type { UploadError } from '../uploads/index.js';
import type { ProtocolDeps } from './deps.js';
import { refuse } from './refuse.js';

/** Counts, logs (with the detail, which may echo client input) and answers a refused upload. */
export function rejectUpload(deps: ProtocolDeps, res: Response, error: UploadError, sid: string): void {
  deps.metrics.uploads.inc({ outcome: 'rejected', code: error.code });
  deps.log.warn({ event_session_id: sid, code: error.code, detail: error.detail }, 'upload rejected');
  refuse(res, error.status, error.code, error.message);
}
