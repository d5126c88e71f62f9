import type { UsedTokenStore } from '@open-liveness/trust';
import type { Redis } from 'ioredis';

/**
 * Single-use bookkeeping shared by every adapter of a pool: `SET key 1 PX ttl NX` is atomic in Redis, so of two
 * adapters that see the same token at once exactly one wins. Entries expire by themselves after the token does
 * (plus a grace that covers the verifier's clock skew).
 */
export class RedisUsedTokenStore implements UsedTokenStore {
  constructor(
    private readonly redis: Redis,
    /** Key prefix naming the store, e.g. `ol:used:container:`. */
    private readonly prefix: string,
    private readonly options: { now?: () => number; graceMs?: number } = {},
  ) {}

  async consume(jti: string, expiresAtMs: number): Promise<boolean> {
    const now = this.options.now?.() ?? Date.now();
    const ttl = Math.max(1, Math.ceil(expiresAtMs + (this.options.graceMs ?? 5 * 60_000) - now));
    const answer = await this.redis.set(`${this.prefix}${jti}`, '1', 'PX', ttl, 'NX');
    return answer === 'OK';
  }
}
