import { openDemo, openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';

test.use({ clip: 'neutral_frontal' });

/**
 * As a phone's camera delivers frames: pixels as the sensor stores them (a quarter turn anticlockwise of what
 * the person sees) and the WebCodecs rotation that turns them back. The page's video still shows the picture
 * upright; only the VideoFrames the plugin takes of it carry the sideways pixels. `buffer`: the frame holds
 * its pixels in memory (as a VideoFrame made from bytes), else in a canvas; Chromium 156 applies the
 * rotation in createImageBitmap for the second only, so the plugin must not rely on it.
 */
function sidewaysSensor(backing: 'canvas' | 'buffer') {
  const Native = VideoFrame;
  const canvas = new OffscreenCanvas(1, 1);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const w = window as unknown as { sidewaysFrames: number };
  w.sidewaysFrames = 0;
  class SidewaysSensorFrame extends Native {
    constructor(
      source: CanvasImageSource | AllowSharedBufferSource,
      init?: VideoFrameInit | VideoFrameBufferInit,
    ) {
      if (!(source instanceof HTMLVideoElement) || !ctx) {
        super(source as CanvasImageSource, init as VideoFrameInit);
        return;
      }
      const { videoWidth: width, videoHeight: height } = source;
      canvas.width = height;
      canvas.height = width;
      // Seen (x, y) is stored at (y, width - x): a quarter turn anticlockwise.
      ctx.setTransform(0, -1, 1, 0, 0, width);
      ctx.drawImage(source, 0, 0);
      const timestamp = init?.timestamp ?? Math.round(performance.now() * 1000);
      if (backing === 'buffer')
        super(ctx.getImageData(0, 0, height, width).data, {
          format: 'RGBA',
          codedWidth: height,
          codedHeight: width,
          timestamp,
          rotation: 90,
        } as VideoFrameBufferInit);
      else super(canvas, { timestamp, rotation: 90 } as VideoFrameInit);
      w.sidewaysFrames++;
    }
  }
  (window as unknown as { VideoFrame: unknown }).VideoFrame = SidewaysSensorFrame;
}

for (const backing of ['canvas', 'buffer'] as const) {
  test(`a camera sensor mounted sideways (${backing}-backed frames with rotation 90): the face is seen upright and captured`, async ({
    page,
  }) => {
    await page.addInitScript(sidewaysSensor, backing);
    await openDemo(page);
    // The stand-in does what a phone's frames do: stored 480×640, shown 640×480.
    const probe = await page.evaluate(async () => {
      const video = document.createElement('video');
      video.muted = true;
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true });
      await video.play();
      const f = new VideoFrame(video) as VideoFrame & { rotation?: number };
      const out = {
        rotation: f.rotation,
        stored: `${f.codedWidth}x${f.codedHeight}`,
        shown: `${f.displayWidth}x${f.displayHeight}`,
      };
      f.close();
      for (const t of (video.srcObject as MediaStream).getTracks()) t.stop();
      return out;
    });
    expect(probe).toEqual({ rotation: 90, stored: '480x640', shown: '640x480' });
    await openWith(page, { action: ['video_selfie_blank'] });
    const r = (await waitForEvent(page, 'on_capture_complete', 40_000)).data as { frame_list: string[] };
    expect(r.frame_list.length).toBeGreaterThanOrEqual(10);
    // Recorded upright too: the JPEGs are 640×480, not the sensor's 480×640.
    const size = await page.evaluate(async (url) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      return `${bitmap.width}x${bitmap.height}`;
    }, r.frame_list[0] ?? '');
    expect(size).toBe('640x480');
    // The plugin's frames really came through the sideways stand-in.
    expect(
      await page.evaluate(() => (window as unknown as { sidewaysFrames: number }).sidewaysFrames),
    ).toBeGreaterThan(10);
  });
}
