import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { type RunningAdapter, startAdapter, TRUSTED_FAKE_CAMERA } from './adapter.js';
import { buildExample } from './build-example.js';
import { strictCsp } from './csp.js';
import { examplePort, type StaticSite, serveStatic } from './static-site.js';

/**
 * The example apps show each callback as `<li data-event="…">` and the verdict in `[data-verdict]`; this
 * presses their start button and waits for the named event, saying what the page showed when it never came.
 */
export async function captureInExample(
  page: Page,
  until = 'on_complete',
  timeout = 60_000,
): Promise<string[]> {
  await page.getByRole('button', { name: 'Start liveness check' }).click();
  const done = page.locator(`[data-event="${until}"]`);
  try {
    await expect(done).toHaveCount(1, { timeout });
  } catch (err) {
    const seen = await page.locator('[data-event]').allTextContents();
    const error = await page.locator('[data-error]').allTextContents();
    const hint = await page
      .locator('[data-oz-liveness] .ol-hint')
      .getAttribute('data-hint', { timeout: 1 })
      .catch(() => null);
    throw new Error(
      `no ${until}; events ${JSON.stringify(seen)}, errors ${JSON.stringify(error)}, hint ${hint}`,
      {
        cause: err,
      },
    );
  }
  return page
    .locator('[data-event]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-event') ?? ''));
}

/** A built example served from its own origin, with an adapter elsewhere that lets that origin in. */
export interface BootedExample {
  site: StaticSite;
  adapter: RunningAdapter;
  /** The example's page, told where its adapter is (`?adapter=`). */
  pageUrl: string;
  /** The Content-Security-Policy the site is served with, if any. */
  csp: string | undefined;
  stop(): Promise<void>;
}

export interface BootOptions {
  /** Vite mode of the build (build-example.ts). Default production. */
  mode?: 'production' | 'development';
  /** Serve the app under the strict CSP of docs/integration.md (csp.ts). */
  strictCsp?: boolean;
}

/**
 * Builds examples/<name> (build-example.ts), starts a normal-architecture adapter that trusts the fake camera
 * and lets the example's origin in (`cors.origins`), and serves the example on examplePort(port): what each
 * framework example's spec needs before its capture.
 */
export async function bootExample(
  name: string,
  port: number,
  options: BootOptions = {},
): Promise<BootedExample> {
  const dist = await buildExample(name, options.mode ?? 'production');
  const origin = `http://127.0.0.1:${examplePort(port)}`;
  const adapter = await startAdapter({
    ...TRUSTED_FAKE_CAMERA,
    OZ_ADAPTER_RESULT_MODE: 'status',
    OZ_ADAPTER_CORS__ORIGINS: JSON.stringify([origin]),
  });
  const csp = options.strictCsp ? strictCsp(new URL(adapter.url).origin) : undefined;
  const site = await serveStatic(
    dist,
    examplePort(port),
    csp ? { headers: { 'Content-Security-Policy': csp } } : {},
  );
  return {
    site,
    adapter,
    pageUrl: `${site.url}?adapter=${encodeURIComponent(adapter.url)}`,
    csp,
    async stop() {
      await site.close();
      await adapter.stop();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
