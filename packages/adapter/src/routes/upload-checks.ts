import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import type { UploadCheckGate } from './deps.js';

/**
 * The gate for upload validation: at most `places` uploads decode their frames at once, the rest wait
 * in arrival order (p-limit is FIFO). Validation is CPU work (sharp on libuv's threads), so running
 * more than the cores at once only interleaves them: 200 uploads arriving together all finished after
 * about the time of all 200, and the inference threads sat idle meanwhile. One place per core keeps
 * the cores busy and lets the first uploads through first. The request bodies are already read when
 * an upload waits here, so a slow client never holds a place.
 */
export function uploadCheckGate(places: number = availableParallelism()): UploadCheckGate {
  const limit = pLimit(Math.max(1, Math.trunc(places)));
  return (task) => limit(task);
}
