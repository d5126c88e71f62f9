import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

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
