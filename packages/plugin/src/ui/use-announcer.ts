import { useEffect, useRef, useState } from 'preact/hooks';
import { type AnnounceThrottle, announceThrottle } from './announce-throttle.js';

/** The text for the live region: the latest message, throttled; urgent ones (errors) go out at once. */
export function useAnnouncer(text: string, urgent: boolean): string {
  const [spoken, setSpoken] = useState(text);
  const throttle = useRef<AnnounceThrottle | null>(null);
  throttle.current ??= announceThrottle(setSpoken, text);
  useEffect(() => throttle.current?.push(text, urgent), [text, urgent]);
  useEffect(() => () => throttle.current?.dispose(), []);
  return spoken;
}
