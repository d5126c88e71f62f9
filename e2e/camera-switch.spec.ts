import { openDemo, openWith, waitForEvent } from './support/demo.js';
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

test.describe('device_id', () => {
  test.use({ clip: 'neutral_frontal' });

  test('goes in, and on_capture_complete reports the camera actually used; an unknown one is refused', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openDemo(page);
    const ids = await page.evaluate(async () =>
      (await navigator.mediaDevices.enumerateDevices())
        .filter((d) => d.kind === 'videoinput')
        .map((d) => d.deviceId),
    );
    const id = ids[0] ?? '';
    expect(id).not.toBe('');
    // Not remembered from an earlier session: the page's device_id is what picks the camera.
    expect(await page.evaluate(() => localStorage.getItem('oz-liveness:camera'))).toBeNull();
    await openWith(page, { action: ['video_selfie_blank'], device_id: id });
    const done = (await waitForEvent(page, 'on_capture_complete', 60_000)).data as { device_id: unknown };
    expect(done.device_id).toBe(id);
    await page.evaluate(() => (window as unknown as { OzLiveness: { close(): void } }).OzLiveness.close());
    await waitForEvent(page, 'on_close', 10_000);
    // A device_id that is not there is the page's mistake: said, not replaced by another camera.
    await page.evaluate(() => {
      (window as unknown as { demoEvents: unknown[] }).demoEvents = [];
    });
    await openWith(page, { action: ['video_selfie_blank'], device_id: 'no-such-camera' });
    const error = (await waitForEvent(page, 'on_error', 20_000)).data as { code: string };
    expect(error.code).toBe('camera_not_found');
  });
});
