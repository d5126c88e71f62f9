/**
 * Single-use bookkeeping for session tokens. The adapter stays stateless between requests, so in a
 * multi-instance deployment this must be a shared store (Redis `SET NX PX`, a unique-key insert);
 * the in-memory one is for a single process and for tests.
 */
export interface UsedTokenStore {
  /**
   * Atomically records `jti` as used. Resolves true on the first call for a jti, false on any later
   * call. `expiresAtMs` is when the token stops being valid anyway, so the entry may be dropped then.
   */
  consume(jti: string, expiresAtMs: number): Promise<boolean>;
}

export class MemoryUsedTokenStore implements UsedTokenStore {
  readonly #used = new Map<string, number>();
  readonly #now: () => number;
  readonly #graceMs: number;

  /**
   * @param now clock, injectable for tests
   * @param graceMs how long past expiry an entry is kept; must cover the verifier's clock skew so a
   *   token that still passes the expiry check with skew is still known as used
   */
  constructor(options: { now?: () => number; graceMs?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#graceMs = options.graceMs ?? 5 * 60_000;
  }

  async consume(jti: string, expiresAtMs: number): Promise<boolean> {
    this.#sweep();
    if (this.#used.has(jti)) return false;
    this.#used.set(jti, expiresAtMs + this.#graceMs);
    return true;
  }

  get size(): number {
    return this.#used.size;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [jti, keepUntil] of this.#used) if (keepUntil <= now) this.#used.delete(jti);
  }
}
