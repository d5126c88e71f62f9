/** Live-region text changes at most this often, so screen readers are not flooded with hints. */
export const ANNOUNCE_INTERVAL_MS = 2000;

/**
 * Decides what the live region says: the latest text, at most once per interval; a text that changes again
 * before its turn replaces the waiting one (only the newest is spoken), and urgent ones (errors) go out at once.
 */
export class AnnounceThrottle {
  private spoken: string;
  private wanted: string;
  private last = Number.NEGATIVE_INFINITY;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly say: (text: string) => void,
    initial: string,
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
    const wait = urgent ? 0 : Math.max(0, this.last + this.interval - Date.now());
    this.pending = setTimeout(() => {
      this.pending = null;
      this.last = Date.now();
      this.spoken = text;
      this.say(text);
    }, wait);
  }

  dispose(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
  }
}
