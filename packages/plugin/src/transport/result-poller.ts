import { LivenessFailure } from '../errors/codes.js';
import type { ResultPayload } from '../options.js';

export interface PollDeps {
  fetchOnce: (signal: AbortSignal) => Promise<ResultPayload>;
  intervalMs: number;
  /** Consecutive failed polls tolerated before giving up (a blip must not end the session). */
  maxFailures: number;
  onUpdate: (result: ResultPayload) => void;
}

/**
 * Polls until the result is finished: one request at a time, the next one a timer interval after the
 * previous answer. Resolves with the finished payload.
 */
export function pollResult(deps: PollDeps, signal: AbortSignal): Promise<ResultPayload> {
  return new Promise((resolve, reject) => {
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      deps
        .fetchOnce(signal)
        .then((result) => {
          failures = 0;
          if (result.state === 'finished') return resolve(result);
          deps.onUpdate(result);
          timer = setTimeout(tick, deps.intervalMs);
        })
        .catch((err: unknown) => {
          if (signal.aborted) return;
          failures++;
          if (failures > deps.maxFailures) {
            reject(
              err instanceof LivenessFailure ? err : new LivenessFailure('api_unavailable', String(err)),
            );
            return;
          }
          timer = setTimeout(tick, deps.intervalMs * 2 ** Math.min(failures, 4));
        });
    };
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('aborted', 'AbortError'));
      },
      { once: true },
    );
    tick();
  });
}
