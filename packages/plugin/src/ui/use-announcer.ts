import { useEffect, useRef, useState } from 'preact/hooks';
import { AnnounceThrottle } from './announce-throttle.js';

/** The text for the live region: the latest message, throttled; urgent ones (errors) go out at once. */
export function useAnnouncer(text: string, urgent: boolean): string {
  const [spoken, setSpoken] = useState(text);
  const throttle = useRef<AnnounceThrottle | null>(null);
  throttle.current ??= new AnnounceThrottle(setSpoken, text);
  useEffect(() => throttle.current?.push(text, urgent), [text, urgent]);
  useEffect(() => () => throttle.current?.dispose(), []);
  return spoken;
}
