import type { Page } from '@playwright/test';

/** A callback the demo page recorded (see examples/script-tag/index.html). */
export interface DemoEvent {
  name: string;
  data: unknown;
}

export async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(
    () => typeof (window as unknown as { OzLiveness?: unknown }).OzLiveness === 'object',
  );
}

export async function startCapture(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start liveness check' }).click();
}

export function demoEvents(page: Page): Promise<DemoEvent[]> {
  return page.evaluate(() => (window as unknown as { demoEvents: DemoEvent[] }).demoEvents);
}

export async function waitForEvent(page: Page, name: string, timeout = 30_000): Promise<DemoEvent> {
  try {
    await page.waitForFunction(
      (n) => (window as unknown as { demoEvents: DemoEvent[] }).demoEvents.some((e) => e.name === n),
      name,
      { timeout },
    );
  } catch (err) {
    // Say what the page had seen instead: the callbacks so far and the plugin's visible state.
    const seen = await page
      .evaluate(() => {
        const root = document.querySelector('[data-oz-liveness]')?.shadowRoot;
        const attr = (sel: string, a: string) => root?.querySelector(sel)?.getAttribute(a) ?? null;
        return {
          events: (window as unknown as { demoEvents?: DemoEvent[] }).demoEvents?.map((e) => e.name) ?? [],
          hint: attr('.ol-hint', 'data-hint'),
          status: attr('.ol-status', 'data-status'),
          error: attr('.ol-error', 'data-error'),
        };
      })
      .catch(() => null);
    throw new Error(`no ${name} within ${timeout} ms; page state: ${JSON.stringify(seen)}`, { cause: err });
  }
  const events = await demoEvents(page);
  const found = events.find((e) => e.name === name);
  if (!found) throw new Error(`event ${name} vanished`);
  return found;
}

/** The plugin's hint element inside its shadow root (Playwright's CSS engine pierces open shadow roots). */
export const hint = (page: Page) => page.locator('[data-oz-liveness] .ol-hint');

/**
 * Opens the plugin with the given options straight from the page, recording every callback into
 * window.demoEvents (as the demo page does). Functions cannot cross into the page, so callbacks are added there.
 */
export async function openWith(page: Page, options: Record<string, unknown>): Promise<void> {
  await page.evaluate((opts) => {
    const w = window as unknown as {
      demoEvents: DemoEvent[];
      OzLiveness: { open(o: object): void };
    };
    w.demoEvents = w.demoEvents ?? [];
    const rec = (name: string) => (data?: unknown) => {
      w.demoEvents.push({ name, data });
    };
    w.OzLiveness.open({
      ...opts,
      on_capture_complete: rec('on_capture_complete'),
      on_error: rec('on_error'),
      on_close: rec('on_close'),
      on_submit: rec('on_submit'),
      on_result: rec('on_result'),
      on_complete: rec('on_complete'),
    });
  }, options);
}

export const prompt = (page: Page) =>
  page.locator('[data-oz-liveness] .ol-prompt, [data-oz-liveness] .ol-scan');
