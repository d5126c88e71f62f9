import { test as base } from '@playwright/test';
import { type RunningAdapter, startAdapter, TRUSTED_FAKE_CAMERA } from './adapter.js';
import { type HostServer, startHost } from './host.js';

/**
 * The document specs' fixtures, once per worker: the integrator's host page server, and an adapter of their
 * own (full result mode, the documents analysis on, plus `env`). Each test launches its own Chromium with
 * the document clip it needs (launchCamera), so the suite's page fixture is not used.
 */
export function documentSuite(env: Record<string, string> = {}) {
  return base.extend<object, { host: HostServer; adapter: RunningAdapter }>({
    host: [
      // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
      async ({}, use) => {
        const host = await startHost();
        await use(host);
        await host.close();
      },
      { scope: 'worker' },
    ],
    adapter: [
      // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
      async ({}, use) => {
        const adapter = await startAdapter({
          ...TRUSTED_FAKE_CAMERA,
          OZ_ADAPTER_RESULT_MODE: 'full',
          OZ_ADAPTER_ANALYSES__DOCUMENTS: 'true',
          ...env,
        });
        await use(adapter);
        await adapter.stop();
      },
      { scope: 'worker' },
    ],
  });
}
