import type { Request } from 'express';
import { type Problem, problem } from '../http/problem.js';
import { type SessionClaims, verifySession } from './token.js';

const MESSAGES = {
  session_invalid: 'The session token is not valid; start a new session.',
  session_expired: 'The session has expired; start a new session.',
} as const;

/** Verifies the `:session` path parameter; a bad token is a 401 with a stable code. */
export function sessionFromRequest(
  req: Request,
  secret: string,
  now: Date,
): { ok: true; claims: SessionClaims } | { ok: false; problem: Problem } {
  const token = req.params.session;
  const verified = verifySession(secret, typeof token === 'string' ? token : '', now);
  if (verified.ok) return verified;
  return { ok: false, problem: problem(401, verified.code, MESSAGES[verified.code]) };
}
