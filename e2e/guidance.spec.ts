import { demoEvents, hint, openDemo, openWith } from './support/demo.js';
import { DERIVED_FILTERS, type ProblemClip } from './support/derived-clips.js';
import { expect, test } from './support/fixtures.js';

// One capture problem per clip: the user sees that problem's hint, it is announced, and nothing is captured.
const cases: Record<ProblemClip, { key: string; text: string }> = {
  far: { key: 'action_hint_move_closer', text: 'Move closer' },
  near: { key: 'action_hint_move_away', text: 'Move back' },
  offcentre: { key: 'action_hint_not_centered', text: 'Centre your face in the oval' },
  tilted: { key: 'action_hint_look_straight', text: 'Look straight at the camera' },
  dark: { key: 'action_hint_too_dark', text: 'Find better light' },
  blurry: { key: 'action_hint_too_blurry', text: 'Hold the camera still' },
};

for (const name of Object.keys(DERIVED_FILTERS) as ProblemClip[]) {
  test.describe(`guidance: ${name}`, () => {
    test.use({ clip: `derived:${name}` });
    test(`shows and announces "${cases[name].text}" and captures nothing`, async ({ page }, testInfo) => {
      await openDemo(page);
      await openWith(page, { action: ['video_selfie_blank'] });
      await expect(hint(page)).toHaveAttribute('data-hint', cases[name].key, { timeout: 20_000 });
      await expect(page.locator('[data-oz-liveness] [aria-live="assertive"]')).toHaveText(cases[name].text);
      await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
      await page.waitForTimeout(2_000);
      expect((await demoEvents(page)).map((e) => e.name)).not.toContain('on_capture_complete');
    });
  });
}
