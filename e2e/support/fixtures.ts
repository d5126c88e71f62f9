import { type Browser, test as base, chromium, type Page } from '@playwright/test';
import { type DerivedClip, derivedClip } from './derived-clips.js';
import { chromiumPath, clipPath, isCI, missingFixturesMessage } from './env.js';
import { type HostServer, startHost } from './host.js';

export interface CameraOptions {
  /** Fake-camera clip name from fixtures/video (without .mjpeg); null = Chromium's built-in pattern. */
  clip: string | null;
}

/**
 * `page` runs in a Chromium launched for this test only, its fake camera fed by the test's clip.
 * Missing fixtures skip the test loudly on a developer's clone and fail it under CI.
 */
/** Chromium with the fake camera fed by `clipFile` (null = the built-in pattern) and any extra flags. */
export function launchCamera(clipFile: string | null, extraArgs: string[] = []): Promise<Browser> {
  const args = [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    ...(clipFile ? [`--use-file-for-fake-video-capture=${clipFile}`] : []),
    ...extraArgs,
  ];
  return chromium.launch({ executablePath: chromiumPath(), args, headless: true });
}

/** The clip's path, or a loud skip (developer clone) / failure (CI) when the fixtures are missing. */
export function requireClip(
  clip: string,
  testInfo: { skip(condition: boolean, reason: string): void },
): string | null {
  const path = clipPath(clip);
  if (path) return path;
  const message = missingFixturesMessage(clip);
  if (isCI) throw new Error(message);
  console.warn(`\n*** SKIPPED: ${message}\n`);
  testInfo.skip(true, message);
  return null;
}

export const test = base.extend<CameraOptions & { cameraBrowser: Browser }, { host: HostServer }>({
  clip: ['neutral_frontal', { option: true }],
  // The integrator's web server, once per worker: pages come from its origin, never from the adapter's.
  host: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
  // So page.goto('/') and openDemo() land on the host page, wired to the suite's adapter (see host.ts).
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
  cameraBrowser: async ({ clip }, use, testInfo) => {
    // `derived:<name>`: a clip made from neutral_frontal with ffmpeg (see derived-clips.ts).
    const derived = clip?.startsWith('derived:') ? (clip.slice('derived:'.length) as DerivedClip) : null;
    const real = derived ? 'neutral_frontal' : clip;
    const source = real ? requireClip(real, testInfo) : null;
    if (real && !source) return;
    const file = derived && source ? derivedClip(derived, source) : source;
    const browser = await launchCamera(file);
    await use(browser);
    await browser.close();
  },
  page: async ({ cameraBrowser, baseURL }, use) => {
    const context = await cameraBrowser.newContext({
      viewport: { width: 960, height: 720 },
      ...(baseURL ? { baseURL } : {}),
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().includes('TensorFlow Lite'))
        console.error(`[console] ${msg.text()}`);
    });
    await use(page);
    await context.close();
  },
});

export { expect } from '@playwright/test';
export type { Page };
