import { demoEvents, hint, openDemo, openWith, prompt, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';

interface Capture {
  action: string;
  frame_list: string[];
  best_frame: string;
}
interface ErrorPayload {
  code: string;
  event_session_id: string;
  context: Record<string, unknown>;
}

// Three attempts of (positioning + 5 s gesture + 2 s pause) fit in 35 s; a pass usually comes much sooner.
const GESTURE_BUDGET = 35_000;

async function expectCaptured(page: import('@playwright/test').Page, action: string) {
  const event = await waitForEvent(page, 'on_capture_complete', GESTURE_BUDGET);
  const r = event.data as Capture;
  expect(r.action).toBe(action);
  expect(r.frame_list.length).toBeGreaterThan(0);
  expect(r.best_frame).toMatch(/^data:image\/jpeg;base64,/);
  const names = (await demoEvents(page)).map((e) => e.name);
  expect(names).not.toContain('on_error');
}

const positives: Array<[string, string]> = [
  ['video_selfie_left', 'head_turn_and_nod'],
  ['video_selfie_right', 'head_turn_and_nod'],
  ['video_selfie_down', 'head_turn_and_nod'],
  ['video_selfie_high', 'head_turn_and_nod'],
  ['video_selfie_eyes', 'selfie_blink_smile'],
  ['video_selfie_eyes', 'neutral_frontal'],
  ['video_selfie_smile', 'selfie_blink_smile'],
  ['video_selfie_best', 'neutral_frontal'],
  ['video_selfie_scan', 'neutral_frontal'],
];

for (const [action, clip] of positives) {
  test.describe(`${action} on ${clip}`, () => {
    test.use({ clip });
    test('is captured', async ({ page }, testInfo) => {
      test.setTimeout(60_000);
      await openDemo(page);
      await openWith(page, { action: [action] });
      if (action !== 'video_selfie_best') {
        await expect(prompt(page)).toBeVisible({ timeout: 20_000 });
        await page.screenshot({ path: testInfo.outputPath(`${action}-prompt.png`) });
      }
      await expectCaptured(page, action);
    });
  });
}

test.describe('a sequence of actions', () => {
  test.use({ clip: 'head_turn_and_nod' });
  test('runs in order in one session, one media per action', async ({ page }) => {
    test.setTimeout(90_000);
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_blank', 'video_selfie_down'] });
    await page.waitForFunction(
      () =>
        (window as unknown as { demoEvents: Array<{ name: string }> }).demoEvents.filter(
          (e) => e.name === 'on_capture_complete',
        ).length === 2,
      undefined,
      { timeout: 60_000 },
    );
    const captures = (await demoEvents(page)).filter((e) => e.name === 'on_capture_complete');
    expect(captures.map((e) => (e.data as Capture).action)).toEqual([
      'video_selfie_blank',
      'video_selfie_down',
    ]);
  });
});

const negatives: Array<[string, string]> = [
  ['video_selfie_smile', 'neutral_frontal'],
  ['video_selfie_left', 'smile_broad'],
];

for (const [action, clip] of negatives) {
  test.describe(`${action} on ${clip}`, () => {
    test.use({ clip });
    test('does not pass: three attempts, then gesture_attempts_exhausted', async ({ page }, testInfo) => {
      test.setTimeout(60_000);
      await openDemo(page);
      await openWith(page, { action: [action] });
      await expect(hint(page)).toHaveAttribute('data-hint', 'action_repeat', { timeout: 20_000 });
      await page.screenshot({ path: testInfo.outputPath(`${action}-retry.png`) });
      const event = await waitForEvent(page, 'on_error', 45_000);
      const error = event.data as ErrorPayload;
      expect(error.code).toBe('gesture_attempts_exhausted');
      expect(error.event_session_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(error.context).toMatchObject({ action });
      expect((await demoEvents(page)).map((e) => e.name)).not.toContain('on_capture_complete');
    });
  });
}

test.describe('smile on smile_broad', () => {
  test.use({ clip: 'smile_broad' });
  test('a smile before the prompt is refused: the user is asked not to smile yet', async ({
    page,
  }, testInfo) => {
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_smile'] });
    await expect(hint(page)).toHaveAttribute('data-hint', 'action_hint_dont_smile', { timeout: 20_000 });
    await page.waitForTimeout(6_000);
    await expect(hint(page)).toHaveAttribute('data-hint', 'action_hint_dont_smile');
    await expect(prompt(page)).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('dont-smile.png') });
    expect((await demoEvents(page)).map((e) => e.name)).not.toContain('on_capture_complete');
  });
});

test.describe('two_faces', () => {
  test.use({ clip: 'two_faces' });
  test('asks for one face and captures nothing', async ({ page }, testInfo) => {
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_blank'] });
    await expect(hint(page)).toHaveAttribute('data-hint', 'more_than_one_face', { timeout: 20_000 });
    await expect(page.locator('[data-oz-liveness] [aria-live="assertive"]')).toHaveText(
      'Only one person should be in view',
    );
    await page.waitForTimeout(5_000);
    await page.screenshot({ path: testInfo.outputPath('two-faces.png') });
    expect((await demoEvents(page)).map((e) => e.name)).not.toContain('on_capture_complete');
  });
});
