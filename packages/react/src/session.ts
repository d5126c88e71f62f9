import type { OpenOptions, OzLivenessApi } from '@open-liveness/plugin';

/** A session this binding opened: close() ends it only while it is still the running one. */
export interface OwnedSession {
  close(): void;
}

/**
 * Opens a session whose on_close also marks it ended, so a later close() (an unmount, a StrictMode
 * re-run) never closes a session someone else opened on the same instance.
 */
export function openOwned(api: OzLivenessApi, options: OpenOptions): OwnedSession {
  let open = true;
  let refused = false;
  api.open({
    ...options,
    on_error(error) {
      // Refused before it started: the running session belongs to someone else.
      if (error.code === 'session_already_open' || error.code === 'invalid_options') refused = true;
      options.on_error?.(error);
    },
    on_close() {
      open = false;
      options.on_close?.();
    },
  });
  if (refused) open = false;
  return {
    close() {
      if (!open) return;
      open = false;
      api.close();
    },
  };
}
