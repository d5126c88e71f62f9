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
  await page.waitForFunction(
    (n) => (window as unknown as { demoEvents: DemoEvent[] }).demoEvents.some((e) => e.name === n),
    name,
    { timeout },
  );
  const events = await demoEvents(page);
  const found = events.find((e) => e.name === name);
  if (!found) throw new Error(`event ${name} vanished`);
  return found;
}

/** The plugin's hint element inside its shadow root (Playwright's CSS engine pierces open shadow roots). */
export const hint = (page: Page) => page.locator('[data-oz-liveness] .ol-hint');
