import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The plugin's dialog and its parts (Playwright's CSS engine pierces the open shadow root). */
export const dialog = (page: Page) => page.locator('[data-oz-liveness] .ol-overlay');
export const screenIs = (page: Page, screen: string, timeout = 30_000) =>
  expect(dialog(page)).toHaveAttribute('data-screen', screen, { timeout });

/** Makes the live video transparent (it keeps playing, as under hide()) so the stage shows its black backdrop. */
const videoOpacity = (page: Page, opacity: string) =>
  page.evaluate((o) => {
    const video = document.querySelector('[data-oz-liveness]')?.shadowRoot?.querySelector('video');
    if (video) video.style.opacity = o;
  }, opacity);

/**
 * Compares the viewport with the baseline beside the spec. The live video is masked (made transparent: a
 * mask box over it would hide the oval drawn above it), anything else that moves with the camera is masked
 * by the caller; animations are stopped by Playwright; the caret is hidden.
 */
export async function expectScreen(page: Page, name: string, extraMasks: string[] = []): Promise<void> {
  await videoOpacity(page, '0');
  try {
    await expect(page).toHaveScreenshot(`${name}.png`, {
      animations: 'disabled',
      caret: 'hide',
      mask: extraMasks.map((m) => page.locator(m)),
      maskColor: '#7F7F7F',
      maxDiffPixelRatio: 0.02,
    });
  } finally {
    await videoOpacity(page, '');
  }
}

/** axe-core over the page, the plugin's shadow root included: no violations allowed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[data-oz-liveness]').analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** Holds getUserMedia until window.releaseCamera() is called, so the camera-request screen stays up. */
export async function holdCamera(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { releaseCamera: () => void };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    w.releaseCamera = () => release();
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (c) => {
      await gate;
      return original(c);
    };
  });
}

/** Slows uploads so the percentage is on screen long enough to be seen. */
export async function throttleUploads(page: Page, bytesPerSecond = 150 * 1024): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 50 * 1024 * 1024,
    uploadThroughput: bytesPerSecond,
  });
}

/**
 * Keeps the action confirmation ("Great!", 1 s) on screen until window.releaseConfirmation() is called, so
 * checks slower than a second (axe) see it whole: a 1,000 ms timer that comes due while the dialog shows the
 * confirm screen waits for the release. Nothing else is held back.
 */
export async function holdConfirmation(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { releaseConfirmation: () => void };
    const held: Array<() => void> = [];
    let holding = true;
    w.releaseConfirmation = () => {
      holding = false;
      for (const run of held.splice(0)) run();
    };
    const onConfirm = () =>
      document
        .querySelector('[data-oz-liveness]')
        ?.shadowRoot?.querySelector('.ol-overlay')
        ?.getAttribute('data-screen') === 'confirm';
    const original = window.setTimeout.bind(window);
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      if (ms !== 1000 || typeof handler !== 'function') return original(handler, ms, ...args);
      const fire = () => (handler as (...a: unknown[]) => void)(...args);
      return original(() => (holding && onConfirm() ? held.push(fire) : fire()), ms);
    }) as typeof window.setTimeout;
  });
}
