import { openDemo, openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';

// A 16:9 HD webcam (1280×720, what the plugin asks for): the face is analysed and recorded at 640×360.
test.use({ clip: 'derived:hd' });

interface FrameSeen {
  rgba: boolean;
  width: number;
  height: number;
}

test('an HD camera: frames reach the model as RGBA at 640×360 and the capture completes', async ({
  page,
}) => {
  // What the page hands the vision worker per frame (the plugin's own postMessage, observed, not changed).
  await page.addInitScript(() => {
    const seen: FrameSeen[] = [];
    (globalThis as unknown as { framesSeen: FrameSeen[] }).framesSeen = seen;
    const post = Worker.prototype.postMessage as (this: Worker, message: unknown, transfer?: unknown) => void;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: unknown) {
      const msg = message as { type?: string; image?: { rgba?: ArrayBuffer; width: number; height: number } };
      if (msg?.type === 'frame' && msg.image)
        seen.push({
          rgba: msg.image.rgba instanceof ArrayBuffer,
          width: msg.image.width,
          height: msg.image.height,
        });
      post.call(this, message, transfer);
    } as Worker['postMessage'];
  });
  await openDemo(page);
  await openWith(page, { action: ['video_selfie_blank'] });
  // The camera really is HD.
  const cameraSize = () =>
    page.evaluate(() => {
      const video = document.querySelector('[data-oz-liveness]')?.shadowRoot?.querySelector('video');
      return video ? `${video.videoWidth}x${video.videoHeight}` : null;
    });
  await expect.poll(cameraSize, { timeout: 20_000 }).toBe('1280x720');
  const r = (await waitForEvent(page, 'on_capture_complete', 40_000)).data as { frame_list: string[] };
  expect(r.frame_list.length).toBeGreaterThanOrEqual(10);
  const frames = await page.evaluate(() => (globalThis as unknown as { framesSeen: FrameSeen[] }).framesSeen);
  const sizes = await page.evaluate(
    (list) =>
      Promise.all(
        list.slice(0, 3).map(async (url) => {
          const bitmap = await createImageBitmap(await (await fetch(url)).blob());
          return `${bitmap.width}x${bitmap.height}`;
        }),
      ),
    r.frame_list,
  );
  expect(frames.length).toBeGreaterThanOrEqual(10);
  // Every frame was shrunk to RGBA bytes in the frame worker: no bitmap (no resizing createImageBitmap).
  expect(frames.filter((f) => !f.rgba)).toEqual([]);
  expect(new Set(frames.map((f) => `${f.width}x${f.height}`))).toEqual(new Set(['640x360']));
  expect(sizes).toEqual(['640x360', '640x360', '640x360']);
});
