import { createOzLiveness, type OpenOptions, type OzLivenessApi } from '@open-liveness/plugin';
import { onBeforeUnmount, readonly, ref } from 'vue';

/** One plugin instance per adapter URL for the whole app: the plugin runs one session at a time. */
const instances = new Map<string, OzLivenessApi>();
function instanceFor(baseUrl: string): OzLivenessApi {
  let api = instances.get(baseUrl);
  if (!api) {
    api = createOzLiveness({ baseUrl });
    instances.set(baseUrl, api);
  }
  return api;
}

/**
 * A composable around the plugin: `open()` starts a session with the given options, `running` says whether the
 * one this component opened still runs, and unmounting the component closes it (never someone else's session).
 */
export function useOzLiveness(baseUrl: string) {
  const api = instanceFor(baseUrl);
  const running = ref(false);
  function open(options: OpenOptions = {}): void {
    running.value = true;
    api.open({
      ...options,
      on_error(error) {
        // Refused before it started (another session runs): ours never opened.
        if (error.code === 'session_already_open' || error.code === 'invalid_options') running.value = false;
        options.on_error?.(error);
      },
      on_close() {
        running.value = false;
        options.on_close?.();
      },
    });
  }
  function close(): void {
    if (running.value) api.close();
  }
  onBeforeUnmount(close);
  return { open, close, running: readonly(running), api };
}
