import { afterEach, describe, expect, it, vi } from 'vitest';
import { withDeadline } from './client.js';

describe('withDeadline (the bound on the WebGPU build before the wasm build takes over)', () => {
  afterEach(() => vi.useRealTimers());
  it('passes a result that comes in time', async () => {
    await expect(withDeadline(Promise.resolve('webgpu'), 1000)).resolves.toBe('webgpu');
  });
  it('passes a failure that comes in time', async () => {
    await expect(withDeadline(Promise.reject(new Error('no adapter')), 1000)).rejects.toThrow('no adapter');
  });
  it('rejects a worker that never answers once the time is up', async () => {
    vi.useFakeTimers();
    const stuck = withDeadline(new Promise<string>(() => undefined), 45_000);
    const seen = stuck.catch((e: { code?: string }) => e.code);
    await vi.advanceTimersByTimeAsync(44_999);
    let settled = false;
    void seen.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(seen).resolves.toBe('resource_load_failed');
  });
});
