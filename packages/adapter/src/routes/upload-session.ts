import type { Request, Response } from 'express';
import type { OzApiClient } from '../api-client/index.js';
import { sessionFromRequest } from '../session/from-request.js';
import type { SessionClaims } from '../session/token.js';
import type { ProtocolDeps } from './deps.js';
import { refuse } from './refuse.js';

/**
 * The checks every capture upload (`/media`, `/container`) makes before reading its body: a valid
 * session, an architecture that uploads, no upload yet in this session token. Undefined when the
 * request has been answered.
 */
/** A session's identity for "already uploaded": its random nonce (event id and issue time for old tokens). */
export function uploadKey(claims: SessionClaims): string {
  return claims.nonce ?? `${claims.sid}:${claims.iat}`;
}

export async function uploadSession(
  deps: ProtocolDeps,
  req: Request,
  res: Response,
): Promise<{ claims: SessionClaims; api: OzApiClient } | undefined> {
  const session = sessionFromRequest(req, deps.sessionSecret, deps.now());
  if (!session.ok) {
    refuse(res, session.problem.status, session.problem.code, session.problem.message);
    return undefined;
  }
  if (deps.config.architecture === 'capture' || deps.api === undefined) {
    refuse(
      res,
      409,
      'capture_architecture',
      'architecture is "capture": the page hands the capture to its own backend',
    );
    return undefined;
  }
  // The token returned after an upload says so itself; the session's earlier token is caught when the
  // capture is accepted (accept-capture.ts): a stateless token cannot know, and a rejected upload must
  // not use the session up.
  if (session.claims.folder_id !== undefined) {
    refuse(res, 409, 'session_already_uploaded', 'this session already has an upload; start a new session');
    return undefined;
  }
  return { claims: session.claims, api: deps.api };
}
