import type { OpenOptions } from '@open-liveness/plugin';
import { useEffect, useRef } from 'react';
import { ozLivenessFor } from './instance.js';
import { type OwnedSession, openOwned } from './session.js';

/** The component's props: every `open()` option, plus the adapter's base URL. */
export type OzLivenessCaptureProps = OpenOptions & {
  /** Where your adapter serves the plugin's files (e.g. `https://liveness.example.com/`). */
  baseUrl: string;
};

const CALLBACKS = [
  'on_submit',
  'on_capture_complete',
  'on_result',
  'on_complete',
  'on_error',
  'on_close',
] as const;

/** The options that start a session, without the callbacks (those are read when they fire). */
function sessionKey(props: OzLivenessCaptureProps): string {
  const rest: Record<string, unknown> = { ...props };
  for (const cb of CALLBACKS) delete rest[cb];
  return JSON.stringify(rest);
}

/**
 * While mounted, a liveness session runs (the plugin draws its own full-screen overlay; this renders nothing).
 * Unmounting closes it; changing an option other than a callback starts a new one. Safe under StrictMode: the
 * session opens a microtask after the effect, so the development-only mount–unmount–mount opens it once.
 */
export function OzLivenessCapture(props: OzLivenessCaptureProps): null {
  const latest = useRef(props);
  latest.current = props;
  const key = sessionKey(props);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options are read through `latest`; `key` says when they changed.
  useEffect(() => {
    const { baseUrl, ...options } = latest.current;
    const api = ozLivenessFor(baseUrl);
    let session: OwnedSession | null = null;
    let cancelled = false;
    // Callbacks go through the ref, so a re-render with new handlers does not restart the session.
    const relay: OpenOptions = { ...options };
    for (const cb of CALLBACKS) {
      relay[cb] = ((...args: never[]) => {
        const fn = latest.current[cb] as ((...a: never[]) => void) | undefined;
        fn?.(...args);
      }) as never;
    }
    queueMicrotask(() => {
      if (!cancelled) session = openOwned(api, relay);
    });
    return () => {
      cancelled = true;
      session?.close();
    };
  }, [key]);
  return null;
}
