import { afterEach, describe, expect, it, vi } from 'vitest';
import { countedFetch, LoadMeter, type LoadProgress, loadFraction } from './load-progress.js';

describe('LoadMeter', () => {
  it('adds the downloads up and reports at most once per 1 % step, and at the end', () => {
    const seen: LoadProgress[] = [];
    const meter = new LoadMeter((p) => seen.push(p));
    const wasm = meter.track(9_000);
    const model = meter.track(1_000);
    for (let i = 0; i < 900; i++) wasm(10); // 9,000 bytes in 900 chunks
    model(1_000);
    expect(meter.current()).toEqual({ loaded: 10_000, total: 10_000 });
    // 900 + 1 chunks, but one report per 1 % of 10,000 bytes (100 bytes), the last one complete.
    expect(seen.length).toBeLessThanOrEqual(101);
    expect(seen.length).toBeGreaterThan(80);
    expect(seen.at(-1)).toEqual({ loaded: 10_000, total: 10_000 });
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]?.loaded ?? 0).toBeGreaterThan(seen[i - 1]?.loaded ?? Number.POSITIVE_INFINITY);
  });

  it('a file without a size makes the total unknown, said once', () => {
    const seen: LoadProgress[] = [];
    const meter = new LoadMeter((p) => seen.push(p));
    const a = meter.track(100);
    const b = meter.track(null);
    a(50);
    b(10);
    b(10);
    expect(seen).toEqual([{ loaded: 50, total: null }]);
    expect(meter.current()).toEqual({ loaded: 70, total: null });
  });
});

describe('loadFraction', () => {
  it('is the share done, null when unknown, and never 100 % for bytes beyond the announced size', () => {
    expect(loadFraction(null)).toBeNull();
    expect(loadFraction({ loaded: 5, total: null })).toBeNull();
    expect(loadFraction({ loaded: 5, total: 0 })).toBeNull();
    expect(loadFraction({ loaded: 25, total: 100 })).toBe(0.25);
    expect(loadFraction({ loaded: 100, total: 100 })).toBe(1);
    expect(loadFraction({ loaded: 150, total: 100 })).toBe(0.99);
  });
});

describe('countedFetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts the body as it is read, sized by Content-Length; an HTTP error rejects', async () => {
    const body = new Uint8Array(3_000).fill(7);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('missing')
          ? new Response('no', { status: 404 })
          : new Response(body, { headers: { 'Content-Length': String(body.byteLength) } }),
      ),
    );
    const seen: LoadProgress[] = [];
    const meter = new LoadMeter((p) => seen.push(p));
    const stream = await countedFetch('https://adapter.test/assets/models/face_landmarker.task', meter);
    expect(meter.current()).toEqual({ loaded: 0, total: 3_000 });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(bytes).toEqual(body);
    expect(meter.current()).toEqual({ loaded: 3_000, total: 3_000 });
    expect(seen.at(-1)).toEqual({ loaded: 3_000, total: 3_000 });
    await expect(countedFetch('https://adapter.test/missing', meter)).rejects.toThrow('HTTP 404');
  });
});
