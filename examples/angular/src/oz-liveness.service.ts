import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { createOzLiveness, type OpenOptions, type OzLivenessApi } from '@open-liveness/plugin';
import { ADAPTER_URL } from './adapter-url';

/** One plugin instance per adapter URL for the whole app: the plugin runs one session at a time. */
const instances = new Map<string, OzLivenessApi>();

/**
 * The plugin for one component (provide it in the component's `providers`): `open()` starts a session,
 * `running` says whether the one it opened still runs, and destroying the component closes it.
 */
@Injectable()
export class OzLivenessService {
  readonly api: OzLivenessApi;
  private readonly isRunning = signal(false);
  readonly running = this.isRunning.asReadonly();

  constructor() {
    let api = instances.get(ADAPTER_URL);
    if (!api) {
      api = createOzLiveness({ baseUrl: ADAPTER_URL });
      instances.set(ADAPTER_URL, api);
    }
    this.api = api;
    inject(DestroyRef).onDestroy(() => this.close());
  }

  open(options: OpenOptions = {}): void {
    this.isRunning.set(true);
    this.api.open({
      ...options,
      on_error: (error) => {
        // Refused before it started (another session runs): ours never opened.
        if (error.code === 'session_already_open' || error.code === 'invalid_options')
          this.isRunning.set(false);
        options.on_error?.(error);
      },
      on_close: () => {
        this.isRunning.set(false);
        options.on_close?.();
      },
    });
  }

  close(): void {
    if (this.isRunning()) this.api.close();
  }
}
