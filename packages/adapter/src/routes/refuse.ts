import type { Response } from 'express';
import { afterBody } from '../http/drain.js';
import { problem, sendProblem } from '../http/problem.js';

/**
 * Answers a refused upload. Its body may still be arriving: it is read and discarded (within
 * DRAIN_LIMITS) before the answer goes out, so the client gets the 4xx instead of a reset, and the
 * connection is closed after it.
 */
export function refuse(res: Response, status: number, code: string, message: string): void {
  res.set('Connection', 'close');
  afterBody(res.req, () => {
    if (!res.headersSent) sendProblem(res, problem(status, code, message));
  });
}
