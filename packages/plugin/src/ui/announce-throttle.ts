/** Live-region text changes at most this often, so screen readers are not flooded with hints. */
export const ANNOUNCE_INTERVAL_MS = 2000;

/** The timers the throttle runs on (the page's by default; fake ones in tests). */
export interface AnnounceClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const pageClock: AnnounceClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/**
 * Decides what the live region says: the latest text, at most once per interval; a text that changes again
 * before its turn replaces the waiting one (only the newest is spoken), and urgent ones (errors) go out at once.
 */
export class AnnounceThrottle {
  private spoken: string;
  private wanted: string;
  private last = Number.NEGATIVE_INFINITY;
  private pending: unknown = null;

  constructor(
    private readonly say: (text: string) => void,
    initial: string,
    private readonly clock: AnnounceClock = pageClock,
    private readonly interval = ANNOUNCE_INTERVAL_MS,
  ) {
    this.spoken = initial;
    this.wanted = initial;
  }

  push(text: string, urgent: boolean): void {
    if (text === this.wanted) return;
    this.wanted = text;
    this.cancel();
    if (text === this.spoken) return; // back to what is already said: nothing new to announce
    const wait = urgent ? 0 : Math.max(0, this.last + this.interval - this.clock.now());
    this.pending = this.clock.setTimeout(() => {
      this.pending = null;
      this.last = this.clock.now();
      this.spoken = text;
      this.say(text);
    }, wait);
  }

  dispose(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.pending !== null) this.clock.clearTimeout(this.pending);
    this.pending = null;
  }
}
