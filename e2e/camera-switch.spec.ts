import { openDemo, openWith } from './support/demo.js';
import { expect, launchCamera, test } from './support/fixtures.js';
import { dialog, expectNoAxeViolations, expectScreen, screenIs } from './support/screens.js';

test('two cameras: the switch changes the track and the reported camera; one track stays live', async ({
  baseURL,
}) => {
  test.setTimeout(90_000);
  // Chromium's built-in pattern, twice (no file): there is no face, so the session stays on positioning.
  const browser = await launchCamera(null, ['--use-fake-device-for-media-stream=device-count=2']);
  try {
    const context = await browser.newContext({
      viewport: { width: 960, height: 720 },
      ...(baseURL ? { baseURL } : {}),
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { tracks: MediaStreamTrack[] };
      w.tracks = [];
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (c) => {
        const s = await original(c);
        w.tracks.push(...s.getVideoTracks());
        return s;
      };
    });
    await openDemo(page);
    await openWith(page, { action: ['video_selfie_blank'] });
    await screenIs(page, 'capture');
    const live = () =>
      page.evaluate(() =>
        (window as unknown as { tracks: MediaStreamTrack[] }).tracks
          .filter((t) => t.readyState === 'live')
          .map((t) => t.getSettings().deviceId),
      );
    const button = dialog(page).getByRole('button', { name: 'Switch camera' });
    await expect(button).toBeVisible();
    // The hint is masked: with no face it climbs the no-face ladder on its own clock.
    await expectScreen(page, 'camera-switch', ['[data-oz-liveness] .ol-hint']);
    await expectNoAxeViolations(page);
    const before = await live();
    expect(before).toHaveLength(1);
    const next = await button.getAttribute('data-next');
    expect(next).not.toBe(before[0]);
    const stage = dialog(page).locator('.ol-stage');
    await expect(stage).toHaveAttribute('data-device', before[0] ?? '');
    await button.click();
    await expect.poll(live).toEqual([next]);
    // The camera the session reports (and will put in on_capture_complete's device_id) follows the switch.
    await expect(stage).toHaveAttribute('data-device', next ?? '');
    // The switch is remembered for this origin.
    expect(await page.evaluate(() => localStorage.getItem('oz-liveness:camera'))).toBe(next);
    // and switching back works as well
    await button.click();
    await expect.poll(live).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { tracks: unknown[] }).tracks.length)).toBe(3);
    await context.close();
  } finally {
    await browser.close();
  }
});
