import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LivenessFailure } from '../errors/codes.js';
import type { ResultPayload } from '../options.js';
import { pollResult } from './result-poller.js';

describe('pollResult', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports processing answers and resolves with the first finished one', async () => {
    const answers: ResultPayload[] = [
      { state: 'processing' },
      { state: 'processing' },
      { state: 'finished', x: 1 },
    ];
    const updates: ResultPayload[] = [];
    const fetchOnce = vi.fn(async () => answers.shift() ?? { state: 'finished' as const });
    const done = pollResult(
      { fetchOnce, intervalMs: 1000, maxFailures: 2, onUpdate: (r) => updates.push(r) },
      new AbortController().signal,
    );
    await vi.advanceTimersByTimeAsync(2500);
    await expect(done).resolves.toEqual({ state: 'finished', x: 1 });
    expect(updates).toHaveLength(2);
    expect(fetchOnce).toHaveBeenCalledTimes(3);
  });

  it('tolerates a few failed polls, then reports the failure', async () => {
    const fetchOnce = vi.fn(async (): Promise<ResultPayload> => {
      throw new LivenessFailure('api_unavailable', 'down');
    });
    const done = pollResult(
      { fetchOnce, intervalMs: 100, maxFailures: 2, onUpdate: () => undefined },
      new AbortController().signal,
    );
    const caught = done.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    const err = await caught;
    expect(err).toBeInstanceOf(LivenessFailure);
    expect((err as LivenessFailure).code).toBe('api_unavailable');
    expect(fetchOnce).toHaveBeenCalledTimes(3);
  });

  it('stops when aborted', async () => {
    const ctrl = new AbortController();
    const fetchOnce = vi.fn(async (): Promise<ResultPayload> => ({ state: 'processing' }));
    const done = pollResult(
      { fetchOnce, intervalMs: 100, maxFailures: 2, onUpdate: () => undefined },
      ctrl.signal,
    );
    const caught = done.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(250);
    ctrl.abort();
    expect(await caught).toBeInstanceOf(DOMException);
    const calls = fetchOnce.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchOnce.mock.calls.length).toBe(calls);
  });
});
