import type { IncomingMessage } from 'node:http';

/**
 * How much of a refused request's body is read and thrown away before the answer goes out. Reading
 * costs bandwidth, not memory; the bounds keep a client from holding the connection open forever.
 */
export const DRAIN_LIMITS = { maxBytes: 64 * 1024 * 1024, maxMs: 15_000 } as const;

/**
 * Runs `then` once the request body has been consumed (read and discarded), or a bound is hit.
 * Answering first and closing the connection while the client is still sending makes the kernel reset
 * it: a fast client then sees EPIPE/ECONNRESET instead of the 4xx. Past the bounds the answer is sent
 * anyway (the client may then see a reset: it sent more than any upload may be, or too slowly).
 */
export function afterBody(
  req: IncomingMessage,
  then: () => void,
  limits: { maxBytes: number; maxMs: number } = DRAIN_LIMITS,
): void {
  if (req.complete || req.readableEnded || req.destroyed) {
    then();
    return;
  }
  let done = false;
  let seen = 0;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', finish);
    req.off('close', finish);
    then();
  };
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limits.maxBytes) finish();
  };
  const timer = setTimeout(finish, limits.maxMs);
  timer.unref();
  req.on('data', onData);
  req.once('end', finish);
  req.once('close', finish);
  // A late stream error must not become an unhandled 'error' event.
  req.on('error', () => {});
  req.resume();
}
