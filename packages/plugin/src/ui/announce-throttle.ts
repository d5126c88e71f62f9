/** Live-region text changes at most this often, so screen readers are not flooded with hints. */
export const ANNOUNCE_INTERVAL_MS = 2000;

export interface AnnounceThrottle {
  push(text: string, urgent: boolean): void;
  dispose(): void;
}

/**
 * Decides what the live region says: the latest text, at most once per interval; a text that changes again
 * before its turn replaces the waiting one (only the newest is spoken), and urgent ones (errors) go out at once.
 */
export function announceThrottle(
  say: (text: string) => void,
  initial: string,
  interval = ANNOUNCE_INTERVAL_MS,
): AnnounceThrottle {
  let spoken = initial;
  let wanted = initial;
  let last = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const dispose = () => clearTimeout(pending);
  return {
    push(text, urgent) {
      if (text === wanted) return;
      wanted = text;
      dispose();
      if (text === spoken) return; // back to what is already said: nothing new to announce
      pending = setTimeout(
        () => {
          last = Date.now();
          spoken = text;
          say(text);
        },
        urgent ? 0 : Math.max(0, last + interval - Date.now()),
      );
    },
    dispose,
  };
}
