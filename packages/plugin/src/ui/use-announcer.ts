import { useEffect, useRef, useState } from 'preact/hooks';

/** Live-region text changes at most this often, so screen readers are not flooded with hints. */
export const ANNOUNCE_INTERVAL_MS = 2000;

/** The text for the live region: the latest message, throttled; urgent ones (errors) go out at once. */
export function useAnnouncer(text: string, urgent: boolean): string {
  const [spoken, setSpoken] = useState(text);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (text === spoken) return;
    const wait = urgent ? 0 : Math.max(0, last.current + ANNOUNCE_INTERVAL_MS - Date.now());
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      last.current = Date.now();
      setSpoken(text);
    }, wait);
  }, [text, urgent, spoken]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return spoken;
}
