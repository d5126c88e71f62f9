import type { UsedTokenStore } from '@open-liveness/trust';
import type { Redis } from 'ioredis';
import { type RedisReply, RedisStore } from 'rate-limit-redis';
import { type OzFolder, ozFolderSchema } from '../api-client/index.js';
import type { RateLimitStoreFactory } from '../http/rate-limit.js';
import { connectRedis } from './redis-client.js';
import { RedisUsedTokenStore } from './redis-used-tokens.js';
import { type AdapterState, RESULT_CACHE_TTL_MS, type ResultCache } from './types.js';

/** Finished folders as JSON under `<prefix><folder_id>`, expiring by themselves. */
export class RedisResultCache implements ResultCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs = RESULT_CACHE_TTL_MS,
  ) {}

  async get(folderId: string): Promise<OzFolder | undefined> {
    const raw = await this.redis.get(`${this.prefix}${folderId}`);
    if (raw === null) return undefined;
    // A body that no longer fits the schema (an older adapter wrote it) is a miss, not an error.
    try {
      const parsed = ozFolderSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async putFinished(folderId: string, folder: OzFolder): Promise<void> {
    await this.redis.set(`${this.prefix}${folderId}`, JSON.stringify(folder), 'PX', this.ttlMs);
  }
}

/**
 * A single-use store that fails closed with a 503: when Redis does not answer, nobody can know whether
 * the token was used, so the request is refused as "try again", never let through.
 */
class FailClosed implements UsedTokenStore {
  constructor(private readonly inner: UsedTokenStore) {}

  async consume(jti: string, expiresAtMs: number): Promise<boolean> {
    try {
      return await this.inner.consume(jti, expiresAtMs);
    } catch (err) {
      throw Object.assign(new Error(`shared state (Redis) unavailable: ${(err as Error).message}`), {
        status: 503,
        cause: err,
      });
    }
  }
}

/** express-rate-limit counters in Redis (rate-limit-redis), one key space per limiter. */
export function redisRateLimitStores(redis: Redis, prefix: string): RateLimitStoreFactory {
  return (name) =>
    new RedisStore({
      prefix: `${prefix}${name}:`,
      sendCommand: (command: string, ...args: string[]) =>
        redis.call(command, ...args) as Promise<RedisReply>,
    });
}

/**
 * The pool's shared state in one Redis: upload-once and replay keys with `SET NX PX` (atomic, so of two
 * adapters seeing one token exactly one wins), rate-limit counters, finished results. Key names start
 * with `prefix` (`redis_key_prefix`), so several deployments can share one Redis.
 */
export function redisAdapterState(redis: Redis, prefix: string): AdapterState {
  return {
    kind: 'redis',
    uploadedSessions: new FailClosed(new RedisUsedTokenStore(redis, `${prefix}uploaded:`)),
    containerTokens: new FailClosed(new RedisUsedTokenStore(redis, `${prefix}container:`)),
    rateLimitStores: redisRateLimitStores(redis, `${prefix}rl:`),
    results: new RedisResultCache(redis, `${prefix}result:`),
    async ready() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Connects first, so a wrong `redis_url` stops the start with the reason instead of failing requests. */
export async function openRedisAdapterState(url: string, prefix: string): Promise<AdapterState> {
  let redis: Redis;
  try {
    redis = await connectRedis(url);
  } catch (err) {
    throw new Error(`redis_url: cannot connect to Redis (${(err as Error).message})`, { cause: err });
  }
  return redisAdapterState(redis, prefix);
}
