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

test('the frame worker copies camera frames as RGBA (the pixels createImageBitmap makes) and shrinks HD frames', async ({
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
    // A size larger than the frame (the camera shrank since the page measured it): the frame as it is.
    const larger = await send(new VideoFrame(video), { size: { width: 1280, height: 960 } });
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
    for (const t of stream.getTracks()) t.stop();
    worker.terminate();
    return { camera, unlent, larger, halved, scaled, hdFrame };
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
  // Not shrunk, and the RGBA path stays on for the frames after it (below).
  expect(answers.larger).toMatchObject({ kind: 'rgba', width: 640, height: 480, bytes: 640 * 480 * 4 });
  // Scaled frames: copied whole, then box-averaged into the lent buffer (camera/shrink.ts). At 2:1 the box
  // average is what the browser's own resize gives (0 here); at 1.6:1 it differs by well under a grey level.
  expect(answers.halved).toMatchObject({ kind: 'rgba', width: 320, height: 240, spareBytes: 0 });
  expect(answers.halved.diffFromBitmap).toBeLessThan(0.5);
  expect(answers.scaled).toMatchObject({ kind: 'rgba', width: 400, height: 300, bytes: 400 * 300 * 4 });
  expect(answers.scaled.diffFromBitmap).toBeLessThan(1);
  expect(answers.hdFrame).toMatchObject({ kind: 'rgba', width: 640, height: 360, spareBytes: 0 });
  expect(answers.hdFrame.diffFromBitmap).toBeLessThan(0.5);
  expect(answers.hdFrame.jpegType).toBe('image/jpeg');
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
    const spares: number[] = [];
    let refusals = 0;
    for (let id = 1; id <= 3; id++) {
      const frame = new VideoFrame(video);
      const answer = await new Promise<Record<string, unknown>>((resolve) => {
        worker.onmessage = (ev: MessageEvent<Record<string, unknown>>) => {
          if (ev.data.refused) refusals++;
          else resolve(ev.data);
        };
        // Frame 2 comes with a buffer: a bitmap leaves it unused, so it comes back for the page's pool.
        const buffer = id === 2 ? new ArrayBuffer(640 * 480 * 4) : null;
        worker.postMessage(
          { id, frame, size: null, jpegQuality: null, buffer },
          buffer ? [frame, buffer] : [frame],
        );
      });
      spares.push((answer.spare as ArrayBuffer | null)?.byteLength ?? 0);
      const image = answer.image;
      kinds.push(
        image instanceof ImageBitmap
          ? `bitmap ${image.width}x${image.height}`
          : `other ${JSON.stringify(answer)}`,
      );
    }
    for (const t of stream.getTracks()) t.stop();
    worker.terminate();
    return { kinds, refusals, spares };
  });
  expect(seen.kinds).toEqual(['bitmap 640x480', 'bitmap 640x480', 'bitmap 640x480']);
  // Asked once: after the first refusal the worker goes straight to createImageBitmap.
  expect(seen.refusals).toBe(1);
  expect(seen.spares).toEqual([0, 640 * 480 * 4, 0]);
});

test('frames from a sensor mounted sideways are turned upright (WebCodecs rotation, then flip)', async ({
  page,
}) => {
  await startWorkerAndCamera(page);
  const seen = await page.evaluate(async () => {
    const { worker, video, stream } = (globalThis as unknown as { bench: Bench }).bench;
    const pixelsOf = async (source: VideoFrame, size?: { width: number; height: number }) => {
      const bitmap = await createImageBitmap(
        source,
        size ? { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'low' } : {},
      );
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    // The camera's picture as seen (640×480), and the same picture as a sideways sensor stores it:
    // turned a quarter anticlockwise (480×640), so that the frame's rotation of 90 turns it back.
    const upright = new VideoFrame(video);
    const seenPixels = await pixelsOf(upright);
    const half = await pixelsOf(upright, { width: 320, height: 240 });
    upright.close();
    const W = 640;
    const H = 480;
    const stored = new Uint8Array(W * H * 4);
    // Stored pixel (x, y) of the 480×640 sensor image is seen at (639 - y, x).
    for (let y = 0; y < W; y++)
      for (let x = 0; x < H; x++) {
        const from = (x * W + (W - 1 - y)) * 4;
        stored.set(seenPixels.subarray(from, from + 4), (y * H + x) * 4);
      }
    // The mirror image, for a frame that says flip.
    const mirrored = new Uint8ClampedArray(W * H * 4);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++)
        mirrored.set(seenPixels.subarray((y * W + W - 1 - x) * 4, (y * W + W - x) * 4), (y * W + x) * 4);
    const frame = (
      data: Uint8Array | Uint8ClampedArray,
      w: number,
      h: number,
      init: { rotation?: number; flip?: boolean },
    ) =>
      new VideoFrame(data, {
        format: 'RGBA',
        codedWidth: w,
        codedHeight: h,
        timestamp: 0,
        ...init,
      } as VideoFrameBufferInit);
    let id = 0;
    const send = (f: VideoFrame, size: { width: number; height: number } | null) =>
      new Promise<{ kind: string; width: number; height: number; pixels: Uint8ClampedArray | null }>(
        (resolve) => {
          const mine = ++id;
          worker.onmessage = (ev: MessageEvent<Record<string, unknown>>) => {
            if (ev.data.id !== mine || !('image' in ev.data)) return;
            const image = ev.data.image as ImageBitmap | { rgba: ArrayBuffer; width: number; height: number };
            resolve(
              'rgba' in image
                ? {
                    kind: 'rgba',
                    width: image.width,
                    height: image.height,
                    pixels: new Uint8ClampedArray(image.rgba),
                  }
                : { kind: 'bitmap', width: image.width, height: image.height, pixels: null },
            );
          };
          worker.postMessage({ id: mine, frame: f, size, jpegQuality: null, buffer: null }, [f]);
        },
      );
    const diff = (a: Uint8ClampedArray | null, b: Uint8ClampedArray) => {
      if (!a || a.length !== b.length) return Number.POSITIVE_INFINITY;
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
      return sum / a.length;
    };
    const asSeen = await send(frame(stored, H, W, { rotation: 90 }), null);
    // HD-style: the page asks for the size as seen (320×240); the stored pixels are shrunk to 240×320, then turned.
    const shrunk = await send(frame(stored, H, W, { rotation: 90 }), { width: 320, height: 240 });
    const flipped = await send(frame(seenPixels, W, H, { flip: true }), null);
    for (const t of stream.getTracks()) t.stop();
    worker.terminate();
    const summary = (r: Awaited<ReturnType<typeof send>>, want: Uint8ClampedArray) => ({
      kind: r.kind,
      size: `${r.width}x${r.height}`,
      diff: diff(r.pixels, want),
    });
    return {
      asSeen: summary(asSeen, seenPixels),
      shrunk: summary(shrunk, half),
      flipped: summary(flipped, mirrored),
    };
  });
  // Turned back to exactly the picture as seen, as RGBA bytes.
  expect(seen.asSeen).toEqual({ kind: 'rgba', size: '640x480', diff: 0 });
  // Shrinking then turning gives the browser's own resize of the upright picture (2:1 box average).
  expect(seen.shrunk.kind).toBe('rgba');
  expect(seen.shrunk.size).toBe('320x240');
  expect(seen.shrunk.diff).toBeLessThan(0.5);
  // A mirrored frame comes back as the mirror image.
  expect(seen.flipped).toEqual({ kind: 'rgba', size: '640x480', diff: 0 });
});
