import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUnavailable, startTestRedis, type TestRedis } from '../testing/redis-server.js';
import { connectRedis } from './redis-client.js';
import { RedisUsedTokenStore } from './redis-used-tokens.js';

const missing = redisUnavailable();
if (missing && process.env.CI === 'true') throw new Error(`Redis store tests: ${missing}`);
if (missing) console.warn(`\n!!! SKIPPING the Redis store tests: ${missing} !!!\n`);

describe.skipIf(missing !== null)('RedisUsedTokenStore on a real redis-server', () => {
  let server: TestRedis;
  let a: Redis;
  let b: Redis;
  beforeAll(async () => {
    server = await startTestRedis();
    // Two connections stand for two adapters of one pool.
    a = await connectRedis(server.url);
    b = await connectRedis(server.url);
  }, 30_000);
  afterAll(async () => {
    a?.disconnect();
    b?.disconnect();
    await server?.stop();
  });

  it('lets exactly one of two adapters consume a token, even when they race', async () => {
    const storeA = new RedisUsedTokenStore(a, 'ol:test:used:');
    const storeB = new RedisUsedTokenStore(b, 'ol:test:used:');
    const exp = Date.now() + 60_000;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? storeA : storeB).consume('jti-race', exp)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await storeB.consume('jti-other', exp)).toBe(true);
    expect(await storeA.consume('jti-other', exp)).toBe(false);
  });

  it('forgets an entry after the token and its grace have expired', async () => {
    const store = new RedisUsedTokenStore(a, 'ol:test:ttl:', { graceMs: 0 });
    expect(await store.consume('short', Date.now() + 150)).toBe(true);
    const ttl = await a.pttl('ol:test:ttl:short');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(150);
    await new Promise((r) => setTimeout(r, 300));
    expect(await a.exists('ol:test:ttl:short')).toBe(0);
  });

  it('keeps separate stores apart by prefix', async () => {
    const uploads = new RedisUsedTokenStore(a, 'ol:test:uploads:');
    const containers = new RedisUsedTokenStore(a, 'ol:test:containers:');
    const exp = Date.now() + 60_000;
    expect(await uploads.consume('same', exp)).toBe(true);
    expect(await containers.consume('same', exp)).toBe(true);
  });
});
