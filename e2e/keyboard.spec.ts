import { demoEvents, openDemo } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { dialog, screenIs } from './support/screens.js';

test.use({ clip: 'neutral_frontal' });

test('keyboard only: open with Enter, Tab stays in the dialog, the page is inert, Escape closes, focus returns', async ({
  page,
}) => {
  await openDemo(page);
  await page.evaluate(() => {
    const w = window as unknown as { demoEvents: Array<{ name: string }> };
    w.demoEvents = w.demoEvents ?? [];
  });
  const opener = page.getByRole('button', { name: 'Start liveness check' });
  await opener.focus();
  await page.keyboard.press('Enter');
  await screenIs(page, 'capture');
  const close = dialog(page).getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  // Tab and Shift+Tab cycle inside the dialog: focus never reaches the host page.
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    const inside = await page.evaluate(
      () => document.activeElement?.hasAttribute('data-oz-liveness') ?? false,
    );
    expect(inside).toBe(true);
  }
  expect(await opener.evaluate((el) => el.closest('[inert]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-oz-liveness]')).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(await opener.evaluate((el) => el.closest('[inert]') !== null)).toBe(false);
  expect((await demoEvents(page)).map((e) => e.name)).toContain('on_close');
});
