import { adapterURL } from './support/env.js';
import { expect, type Page, test } from './support/fixtures.js';

test.use({ clip: 'neutral_frontal' });

/** What startWorkerAndCamera leaves on the page for the test's own evaluate. */
interface Bench {
  worker: Worker;
  video: HTMLVideoElement;
  stream: MediaStream;
}

/**
 * On the host page (another origin than the adapter's): the built frame worker, started as the plugin
 * starts it cross-origin (a blob bootstrap that importScripts it, after `prelude`), and the fake camera
 * playing in a video with a frame presented.
 */
async function startWorkerAndCamera(page: Page, prelude = ''): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    async ({ base, prelude }) => {
      const url = JSON.stringify(`${base}plugin/frame_worker.js`);
      const worker = new Worker(
        URL.createObjectURL(new Blob([`${prelude}importScripts(${url});`], { type: 'text/javascript' })),
      );
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
      const video = document.createElement('video');
      video.muted = true;
      video.srcObject = stream;
      await video.play();
      await new Promise((r) => video.requestVideoFrameCallback(r));
      (globalThis as unknown as { bench: Bench }).bench = { worker, video, stream };
    },
    { base: adapterURL, prelude },
  );
}

/** What the built frame worker answered for one frame, reduced to what the test compares. */
interface Answer {
  kind: 'rgba' | 'bitmap';
  width: number;
  height: number;
  /** Mean absolute difference per channel from createImageBitmap of the same frame (the old path). */
  diffFromBitmap: number;
  /** The size createImageBitmap gives the same frame (the engine's own orientation handling). */
  bitmapSize: string | null;
  /** Size of the RGBA buffer that came back (0 for a bitmap). */
  bytes: number;
  /** Size of the lent buffer the worker sent back unused (0 when none came back). */
  spareBytes: number;
  jpegType: string | null;
}

test('the frame worker copies upright camera frames as RGBA (the pixels createImageBitmap makes), shrinks HD frames to RGBA, and keeps bitmaps where copyTo would be wrong', async ({
  page,
}) => {
  await startWorkerAndCamera(page);
  const answers = await page.evaluate(async () => {
    const { worker, video, stream } = (globalThis as unknown as { bench: Bench }).bench;

    /** The pixels createImageBitmap makes of a frame (resized, for a size): what the RGBA copy must agree with. */
    const reference = async (frame: VideoFrame, size?: { width: number; height: number }) => {
      const bitmap = await (size
        ? createImageBitmap(frame, {
            resizeWidth: size.width,
            resizeHeight: size.height,
            resizeQuality: 'low',
          })
        : createImageBitmap(frame));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      return {
        data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data,
        size: `${bitmap.width}x${bitmap.height}`,
      };
    };
    const pixelsOf = (image: ImageBitmap) => {
      const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(image, 0, 0);
      return ctx.getImageData(0, 0, image.width, image.height).data;
    };
    let nextId = 1;
    const send = async (
      frame: VideoFrame,
      opts: { size?: { width: number; height: number }; jpeg?: number; lend?: number },
    ): Promise<Answer> => {
      const expected = await reference(frame, opts.size);
      const id = nextId++;
      const buffer = opts.lend ? new ArrayBuffer(opts.lend) : null;
      const messages: Array<Record<string, unknown>> = [];
      const done = new Promise<void>((resolve) => {
        worker.onmessage = (ev: MessageEvent<Record<string, unknown>>) => {
          if (ev.data.id !== id) return;
          messages.push(ev.data);
          if ('error' in ev.data || 'jpeg' in ev.data || !opts.jpeg) resolve();
        };
      });
      worker.postMessage(
        { id, frame, size: opts.size ?? null, jpegQuality: opts.jpeg ?? null, buffer },
        buffer ? [frame, buffer] : [frame],
      );
      await done;
      const first = messages[0] ?? {};
      if ('error' in first) throw new Error(String(first.error));
      const image = first.image as ImageBitmap | { rgba: ArrayBuffer; width: number; height: number };
      const isRgba = 'rgba' in image;
      const got = isRgba ? new Uint8ClampedArray(image.rgba) : pixelsOf(image);
      const want = expected.data;
      let diff = 0;
      for (let i = 0; i < want.length; i++) diff += Math.abs((want[i] ?? 0) - (got[i] ?? 0));
      diff /= want.length;
      const spare = first.spare as ArrayBuffer | null;
      const jpeg = messages.find((m) => 'jpeg' in m)?.jpeg as Blob | null | undefined;
      return {
        kind: isRgba ? 'rgba' : 'bitmap',
        width: image.width,
        height: image.height,
        diffFromBitmap: diff,
        bitmapSize: expected.size,
        bytes: isRgba ? image.rgba.byteLength : 0,
        spareBytes: spare ? spare.byteLength : 0,
        jpegType: jpeg ? jpeg.type : null,
      };
    };

    const camera = await send(new VideoFrame(video), { lend: 640 * 480 * 4, jpeg: 0.8 });
    const unlent = await send(new VideoFrame(video), {});
    // HD-style scaling (an HD camera's 1280×720 to 640×360 is the same 2:1), and a ratio of 1.6.
    const halved = await send(new VideoFrame(video), {
      size: { width: 320, height: 240 },
      lend: 320 * 240 * 4,
    });
    const scaled = await send(new VideoFrame(video), { size: { width: 400, height: 300 } });
    // A real HD frame (the camera's picture drawn at 1280×720) to the plugin's analysis size.
    const hd = new OffscreenCanvas(1280, 720);
    hd.getContext('2d')?.drawImage(video, 0, 0, 1280, 720);
    const hdFrame = await send(new VideoFrame(hd, { timestamp: 0 }), {
      size: { width: 640, height: 360 },
      lend: 640 * 360 * 4,
      jpeg: 0.8,
    });
    // A phone sensor mounted sideways: the frame says so. copyTo ignores that by definition; createImageBitmap
    // is where an engine applies it (WebCodecs), so such a frame must take the bitmap path.
    const still = new VideoFrame(new Uint8Array(64 * 32 * 4).fill(128), {
      format: 'RGBA',
      codedWidth: 64,
      codedHeight: 32,
      timestamp: 0,
      rotation: 90,
    } as VideoFrameBufferInit);
    const rotationSupported = (still as VideoFrame & { rotation?: number }).rotation === 90;
    const rotated = await send(still, { lend: 64 * 32 * 4 });
    for (const t of stream.getTracks()) t.stop();
    worker.terminate();
    return { camera, unlent, halved, scaled, hdFrame, rotated, rotationSupported };
  });

  // A camera frame (I420 from the fake device) arrives as RGBA bytes, the picture createImageBitmap made of
  // it (identical here: both convert with the same code), with its JPEG after it.
  expect(answers.camera).toMatchObject({
    kind: 'rgba',
    width: 640,
    height: 480,
    bytes: 640 * 480 * 4,
    spareBytes: 0,
  });
  expect(answers.camera.diffFromBitmap).toBeLessThan(1);
  expect(answers.camera.jpegType).toBe('image/jpeg');
  // No buffer lent: the worker allocates one.
  expect(answers.unlent).toMatchObject({ kind: 'rgba', width: 640, height: 480, bytes: 640 * 480 * 4 });
  // Scaled frames: copied whole, then box-averaged into the lent buffer (camera/shrink.ts). At 2:1 the box
  // average is what the browser's own resize gives (0 here); at 1.6:1 it differs by well under a grey level.
  expect(answers.halved).toMatchObject({ kind: 'rgba', width: 320, height: 240, spareBytes: 0 });
  expect(answers.halved.diffFromBitmap).toBeLessThan(0.5);
  expect(answers.scaled).toMatchObject({ kind: 'rgba', width: 400, height: 300, bytes: 400 * 300 * 4 });
  expect(answers.scaled.diffFromBitmap).toBeLessThan(1);
  expect(answers.hdFrame).toMatchObject({ kind: 'rgba', width: 640, height: 360, spareBytes: 0 });
  expect(answers.hdFrame.diffFromBitmap).toBeLessThan(0.5);
  expect(answers.hdFrame.jpegType).toBe('image/jpeg');
  // A rotated frame: a bitmap, exactly what createImageBitmap makes of it, never the sensor's bytes as stored.
  // (This Chromium keeps 64×32 there too; an engine that applies the rotation turns both to 32×64.)
  expect(answers.rotationSupported).toBe(true);
  expect(answers.rotated.kind).toBe('bitmap');
  // The buffer lent for it comes back unused, for the page's pool.
  expect(answers.rotated.spareBytes).toBe(64 * 32 * 4);
  expect(`${answers.rotated.width}x${answers.rotated.height}`).toBe(answers.rotated.bitmapSize);
  expect(answers.rotated.diffFromBitmap).toBe(0);
});

test('where copyTo refuses RGBA, the frame worker hands over bitmaps from then on', async ({ page }) => {
  // An engine without RGBA conversion in copyTo (it copies only in the frame's own pixel format).
  // Each refusal is reported, so the test sees whether the worker keeps asking.
  await startWorkerAndCamera(
    page,
    'VideoFrame.prototype.copyTo = () => { self.postMessage({ refused: true }); return Promise.reject(new TypeError("format unsupported")); };',
  );
  const seen = await page.evaluate(async () => {
    const { worker, video, stream } = (globalThis as unknown as { bench: Bench }).bench;
    const kinds: string[] = [];
    let refusals = 0;
    for (let id = 1; id <= 3; id++) {
      const frame = new VideoFrame(video);
      const answer = await new Promise<Record<string, unknown>>((resolve) => {
        worker.onmessage = (ev: MessageEvent<Record<string, unknown>>) => {
          if (ev.data.refused) refusals++;
          else resolve(ev.data);
        };
        worker.postMessage({ id, frame, size: null, jpegQuality: null, buffer: null }, [frame]);
      });
      const image = answer.image;
      kinds.push(
        image instanceof ImageBitmap
          ? `bitmap ${image.width}x${image.height}`
          : `other ${JSON.stringify(answer)}`,
      );
    }
    for (const t of stream.getTracks()) t.stop();
    worker.terminate();
    return { kinds, refusals };
  });
  expect(seen.kinds).toEqual(['bitmap 640x480', 'bitmap 640x480', 'bitmap 640x480']);
  // Asked once: after the first refusal the worker goes straight to createImageBitmap.
  expect(seen.refusals).toBe(1);
});
