import type { Response } from 'express';
import { problem, sendProblem } from '../http/problem.js';

/** A refused upload may leave unread body bytes: close the connection instead of reading them. */
export function refuse(res: Response, status: number, code: string, message: string): void {
  res.set('Connection', 'close');
  sendProblem(res, problem(status, code, message));
}
