/**
 * At most `limit` tasks at once; the others wait in arrival order. The folder uploads use it so a
 * burst of captures queues in the adapter instead of overrunning the API: a waiting upload has not
 * started its per-attempt timeout, so a busy API is not also hit by retries of uploads it is still
 * storing.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /** Tasks running now and tasks waiting (for tests and metrics). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
