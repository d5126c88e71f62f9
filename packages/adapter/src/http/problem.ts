import type { Response } from 'express';

/** The one error body of the protocol (docs/protocol.md): a stable `code` and a human message. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export function problem(status: number, code: string, message: string): Problem {
  return { status, code, message };
}

export function sendProblem(res: Response, p: Problem): void {
  res.status(p.status).json({ code: p.code, message: p.message });
}
