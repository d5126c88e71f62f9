import { demoEvents, hint, openDemo, startCapture, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface CapturePayload {
  action: string;
  best_frame: string;
  best_frame_png: string;
  best_frame_bounding_box: Box;
  best_frame_landmarks: Record<string, [number, number]>;
  frame_list: string[];
  frame_bounding_box_list: Box[];
  frame_landmarks: Record<string, [number, number]>[];
  from_virtual_camera: unknown;
  additional_info: string;
  device_id: unknown;
}

const LANDMARKS = ['left_eye', 'right_eye', 'nose_base', 'mouth_bottom', 'left_ear', 'right_ear'];

test.describe('neutral_frontal', () => {
  test.use({ clip: 'neutral_frontal' });

  test('a real face yields on_capture_complete with ≥10 JPEG frames and consistent geometry', async ({
    page,
  }, testInfo) => {
    await openDemo(page);
    await startCapture(page);
    await expect(page.locator('[data-oz-liveness] .ol-stage')).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: testInfo.outputPath('capture-screen.png') });
    await testInfo.attach('capture-screen', {
      path: testInfo.outputPath('capture-screen.png'),
      contentType: 'image/png',
    });

    const event = await waitForEvent(page, 'on_capture_complete', 40_000);
    const r = event.data as CapturePayload;
    expect(r.action).toBe('video_selfie_blank');
    expect(r.frame_list.length).toBeGreaterThanOrEqual(10);
    for (const frame of r.frame_list) expect(frame).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(r.best_frame).toMatch(/^data:image\/jpeg;base64,/);
    expect(r.best_frame_png).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(r.frame_bounding_box_list).toHaveLength(r.frame_list.length);
    expect(r.frame_landmarks).toHaveLength(r.frame_list.length);
    expect(typeof r.additional_info).toBe('string');
    expect(r.from_virtual_camera).toBeNull();
    // The camera actually used comes back to the page.
    expect(typeof r.device_id).toBe('string');

    r.frame_landmarks.forEach((marks, i) => {
      const box = r.frame_bounding_box_list[i] as Box;
      // A real face in a 640x480 frame: a box of plausible size, inside the frame.
      expect(box.right - box.left).toBeGreaterThan(60);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(640);
      expect(Object.keys(marks).sort()).toEqual([...LANDMARKS].sort());
      for (const name of LANDMARKS) {
        const [x, y] = marks[name] as [number, number];
        expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
        // Rounding can put a contour point one pixel outside the box built from the same mesh.
        expect(x).toBeGreaterThanOrEqual(box.left - 1);
        expect(x).toBeLessThanOrEqual(box.right + 1);
        expect(y).toBeGreaterThanOrEqual(box.top - 1);
        expect(y).toBeLessThanOrEqual(box.bottom + 1);
      }
      // Subject's left eye is on the right of the unmirrored frame.
      expect((marks.left_eye as [number, number])[0]).toBeGreaterThan(
        (marks.right_eye as [number, number])[0],
      );
    });
    await waitForEvent(page, 'on_close');
  });
});

test.describe('no_face_empty_room', () => {
  test.use({ clip: 'no_face_empty_room' });

  test('no capture happens and the "no face" hint is shown', async ({ page }, testInfo) => {
    await openDemo(page);
    await startCapture(page);
    await expect(hint(page)).toHaveAttribute('data-hint', 'action_hint_no_face', { timeout: 20_000 });
    await expect(hint(page)).toHaveText('Place your face in the oval');
    await page.waitForTimeout(10_000);
    const names = (await demoEvents(page)).map((e) => e.name);
    expect(names).not.toContain('on_capture_complete');
    await expect(hint(page)).toHaveAttribute('data-hint', 'action_hint_no_face');
    await page.screenshot({ path: testInfo.outputPath('no-face.png') });
  });
});

test.describe('close()', () => {
  test.use({ clip: 'neutral_frontal' });

  test('ends the camera track and calls on_close exactly once', async ({ page }) => {
    await openDemo(page);
    // Watch every camera track the page gets, to see it end.
    await page.evaluate(() => {
      const w = window as unknown as { tracks: MediaStreamTrack[] };
      w.tracks = [];
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (c) => {
        const stream = await original(c);
        w.tracks.push(...stream.getTracks());
        return stream;
      };
    });
    await page.evaluate(() => {
      const w = window as unknown as { closes: number; OzLiveness: { open(o: object): void } };
      w.closes = 0;
      w.OzLiveness.open({
        action: ['video_selfie_blank'],
        on_close: () => {
          w.closes++;
        },
      });
    });
    await page.waitForFunction(() => {
      const t = (window as unknown as { tracks: MediaStreamTrack[] }).tracks;
      return t.length > 0 && t.every((x) => x.readyState === 'live');
    });
    await page.evaluate(() => (window as unknown as { OzLiveness: { close(): void } }).OzLiveness.close());
    await page.evaluate(() => (window as unknown as { OzLiveness: { close(): void } }).OzLiveness.close());
    const state = await page.evaluate(() => {
      const w = window as unknown as { tracks: MediaStreamTrack[]; closes: number };
      return { states: w.tracks.map((t) => t.readyState), closes: w.closes };
    });
    expect(state.states.length).toBeGreaterThan(0);
    expect(state.states.every((s) => s === 'ended')).toBe(true);
    expect(state.closes).toBe(1);
    await expect(page.locator('[data-oz-liveness]')).toHaveCount(0);
  });
});

test.describe('hide()', () => {
  test.use({ clip: 'neutral_frontal' });

  test('hides the window without cancelling: the capture still completes', async ({ page }) => {
    await openDemo(page);
    await startCapture(page);
    await expect(page.locator('[data-oz-liveness] .ol-stage')).toBeVisible({ timeout: 20_000 });
    // Hide, then read the overlay on the next frame (the UI renders at most once per animation frame).
    const state = await page.evaluate(async () => {
      (window as unknown as { OzLiveness: { hide(): void } }).OzLiveness.hide();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const overlay = document.querySelector('[data-oz-liveness]')?.shadowRoot?.querySelector('.ol-overlay');
      return overlay
        ? { ariaHidden: overlay.getAttribute('aria-hidden'), opacity: getComputedStyle(overlay).opacity }
        : null;
    });
    expect(state).toEqual({ ariaHidden: 'true', opacity: '0' });
    await waitForEvent(page, 'on_capture_complete', 40_000);
  });
});

test.describe('open() twice', () => {
  test.use({ clip: 'neutral_frontal' });

  test('the second call reports session_already_open and the first session carries on', async ({ page }) => {
    await openDemo(page);
    // Two synchronous calls, as React StrictMode's double mount makes them.
    await page.evaluate(() => {
      const button = document.getElementById('start');
      button?.click();
      button?.click();
    });
    const error = (await waitForEvent(page, 'on_error', 10_000)).data as { code: string };
    expect(error.code).toBe('session_already_open');
    await waitForEvent(page, 'on_capture_complete', 40_000);
    await expect(page.locator('[data-oz-liveness]')).toHaveCount(0, { timeout: 30_000 });
  });
});
