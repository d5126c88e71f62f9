import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OzFolder } from '../api-client/index.js';
import { redisUnavailable, startTestRedis, type TestRedis } from '../testing/redis-server.js';
import { memoryAdapterState } from './memory.js';
import { redisAdapterState } from './redis.js';
import { connectRedis } from './redis-client.js';
import type { AdapterState } from './types.js';

const missing = redisUnavailable();
if (missing && process.env.CI === 'true') throw new Error(`adapter state contract: ${missing}`);
if (missing) console.warn(`\n!!! SKIPPING the Redis adapter state contract: ${missing} !!!\n`);

const finished: OzFolder = {
  folder_id: 'f-1',
  resolution_status: 'SUCCESS',
  analyses: [],
} as unknown as OzFolder;

/**
 * One behaviour for both implementations. `pair()` gives two views of one state, standing for two
 * adapters of a pool (the same object in memory; two connections to one Redis).
 */
function contract(name: string, pair: () => Promise<[AdapterState, AdapterState]>) {
  describe(`adapter state: ${name}`, () => {
    let a: AdapterState;
    let b: AdapterState;
    beforeAll(async () => {
      [a, b] = await pair();
    }, 30_000);
    afterAll(async () => {
      await a?.close();
      if (b !== a) await b?.close();
    });

    it('answers ready', async () => {
      expect(await a.ready()).toBe(true);
    });

    it('lets one upload per session through, whichever adapter sees it', async () => {
      const exp = Date.now() + 60_000;
      expect(await a.uploadedSessions.consume('nonce-1', exp)).toBe(true);
      expect(await b.uploadedSessions.consume('nonce-1', exp)).toBe(false);
      // The replay store is a separate key space.
      expect(await b.containerTokens.consume('nonce-1', exp)).toBe(true);
      expect(await a.containerTokens.consume('nonce-1', exp)).toBe(false);
    });

    it('counts rate-limit hits of one client across adapters', async () => {
      const storeA = a.rateLimitStores('session');
      const storeB = b.rateLimitStores('session');
      storeA.init?.({ windowMs: 60_000 } as never);
      storeB.init?.({ windowMs: 60_000 } as never);
      const first = await storeA.increment('203.0.113.7');
      const second = await storeB.increment('203.0.113.7');
      expect([first.totalHits, second.totalHits]).toEqual(
        a.kind === 'redis' ? [1, 2] : [1, 1], // in memory each limiter counts for its own process only
      );
    });

    it('keeps a finished folder for the other adapter', async () => {
      expect(await b.results.get('f-1')).toBeUndefined();
      await a.results.putFinished('f-1', finished);
      expect(await b.results.get('f-1')).toMatchObject({ folder_id: 'f-1', resolution_status: 'SUCCESS' });
    });
  });
}

contract('memory', async () => {
  const s = memoryAdapterState();
  return [s, s];
});

describe.skipIf(missing !== null)('with a real redis-server', () => {
  let server: TestRedis;
  let redisA: Redis;
  let redisB: Redis;
  beforeAll(async () => {
    server = await startTestRedis();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });
  it('refuses with a 503 (fails closed) when Redis does not answer', async () => {
    const lost = await connectRedis(server.url);
    const state = redisAdapterState(lost, 'ol:t:');
    lost.disconnect();
    await expect(state.uploadedSessions.consume('n-lost', Date.now() + 60_000)).rejects.toMatchObject({
      status: 503,
    });
    expect(await state.ready()).toBe(false);
    // A result read is only a cache: the route treats this as a miss (result.ts).
    await expect(state.results.get('f-1')).rejects.toThrow();
  });
  contract('redis', async () => {
    redisA = await connectRedis(server.url);
    redisB = await connectRedis(server.url);
    return [redisAdapterState(redisA, 'ol:t:'), redisAdapterState(redisB, 'ol:t:')];
  });
});
