/// <reference lib="webworker" />
// The frame worker: turns the camera's VideoFrames into pixels for the vision workers, off the page's main
// thread and off the model's thread. Each frame is copied as RGBA bytes (VideoFrame.copyTo) into a recycled
// buffer: about 0.6 ms per 640×480 frame here, against 2.6 ms for createImageBitmap, which Chromium also
// backs with a fresh 1.2 MB of discardable memory per frame (docs/benchmarks.md, "Frame copies"). HD frames
// are copied whole into this worker's own buffer and box-averaged down to the analysis size (camera/shrink.ts):
// 1280×720 takes about 3 ms so, against 8.1 ms for a resizing createImageBitmap. Frames from a sensor mounted
// sideways (a phone's) are turned upright here (camera/orient.ts): copyTo hands pixels over as stored, and
// this Chromium applies the orientation in createImageBitmap for a canvas-backed frame but not for one
// holding its pixels in memory (e2e/sensor-orientation.spec.ts), so the browser is not relied on for it.
// Bitmaps remain for engines whose copyTo cannot convert to RGBA.
// Recorded frames are JPEG-encoded here as well: this thread is idle between frames, while the vision
// worker's thread runs the model back to back and would only encode in its rare idle slices.
import { type FrameImage, isRgba, transferOf } from './frame-image.js';
import { FramePixels } from './frame-pixels.js';
import type { FromFrameWorker, ToFrameWorker } from './frame-protocol.js';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromFrameWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);
const canvas = new OffscreenCanvas(1, 1);
const ctx = canvas.getContext('2d');
/** Cleared for good once this browser refuses an RGBA copyTo (older engines convert only to the frame's format). */
let rgbaCopies = typeof VideoFrame === 'function' && typeof VideoFrame.prototype.copyTo === 'function';

const pixels = new FramePixels();

async function toImage({ frame, size, buffer }: ToFrameWorker): Promise<FrameImage> {
  if (rgbaCopies) {
    try {
      return await pixels.copy(frame, size, buffer);
    } catch {
      rgbaCopies = false;
    }
  }
  return size
    ? createImageBitmap(frame, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'low' })
    : createImageBitmap(frame);
}

/** The page's buffer when this frame did not use it (a bitmap instead), to go back to its pool. */
function unused(msg: ToFrameWorker, image: FrameImage): ArrayBuffer | null {
  const { buffer } = msg;
  if (!buffer || (isRgba(image) && image.rgba === buffer)) return null;
  return buffer.byteLength === image.width * image.height * 4 ? buffer : null;
}

/** Starts the JPEG of the image's pixels (the canvas is copied now, the blob comes later). */
function encode(image: FrameImage, quality: number): Promise<Blob | null> {
  if (!ctx) return Promise.resolve(null);
  if (canvas.width !== image.width) canvas.width = image.width;
  if (canvas.height !== image.height) canvas.height = image.height;
  if (isRgba(image))
    ctx.putImageData(new ImageData(new Uint8ClampedArray(image.rgba), image.width, image.height), 0, 0);
  else ctx.drawImage(image, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

self.onmessage = (ev: MessageEvent<ToFrameWorker>) => {
  const { id, frame, jpegQuality } = ev.data;
  // The image holds its own copy of the pixels once made; the camera's buffer goes back either way.
  toImage(ev.data).then(
    (image) => {
      frame.close();
      // Encoded before the pixels are transferred away: putImageData and the canvas snapshot copy them now.
      const jpeg = jpegQuality === null ? null : encode(image, jpegQuality);
      const spare = unused(ev.data, image);
      post({ id, image, spare }, spare ? [transferOf(image), spare] : [transferOf(image)]);
      jpeg?.then(
        (blob) => post({ id, jpeg: blob }),
        () => post({ id, jpeg: null }),
      );
    },
    (err: unknown) => {
      frame.close();
      post({ id, error: err instanceof Error ? err.message : String(err) });
    },
  );
};
