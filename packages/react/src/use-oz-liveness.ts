import type { OpenOptions, OzLivenessApi } from '@open-liveness/plugin';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { ozLivenessFor } from './instance.js';
import { type OwnedSession, openOwned } from './session.js';

export interface UseOzLivenessOptions {
  /** Where your adapter serves the plugin's files (e.g. `https://liveness.example.com/`). */
  baseUrl: string;
}

export interface OzLivenessControls {
  /** Starts a session with these options (a second call while one runs reports `session_already_open`). */
  open(options?: OpenOptions): void;
  /** Ends the session this hook opened, if it is still running. */
  close(): void;
  /** Hides the overlay while the session keeps running. */
  hide(): void;
  /** The plugin instance for `baseUrl` (add_lang, get_langs). */
  readonly api: OzLivenessApi;
}

/**
 * Imperative control of the plugin from a component: open on a click, close on unmount. The session the hook
 * opened is closed when the component unmounts (StrictMode's mount–unmount–mount included).
 */
export function useOzLiveness({ baseUrl }: UseOzLivenessOptions): OzLivenessControls {
  const api = useMemo(() => ozLivenessFor(baseUrl), [baseUrl]);
  const session = useRef<OwnedSession | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new instance (baseUrl changed) ends the old one's session.
  useEffect(
    () => () => {
      session.current?.close();
      session.current = null;
    },
    [api],
  );
  const open = useCallback(
    (options: OpenOptions = {}) => {
      session.current = openOwned(api, options);
    },
    [api],
  );
  const close = useCallback(() => {
    session.current?.close();
    session.current = null;
  }, []);
  const hide = useCallback(() => api.hide(), [api]);
  return useMemo(() => ({ open, close, hide, api }), [open, close, hide, api]);
}
