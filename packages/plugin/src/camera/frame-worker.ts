/// <reference lib="webworker" />
// The frame worker: turns the camera's VideoFrames into ImageBitmaps (colour conversion, and scaling for HD
// frames) off the page's main thread. The conversion is the page's largest per-frame cost otherwise
// (about 3 ms per 640×480 frame on this repo's 2-core machine), and it stays off the model's thread too.
// Recorded frames are JPEG-encoded here as well: this thread is idle between frames, while the vision
// worker's thread runs the model back to back and would only encode in its rare idle slices.
import type { FromFrameWorker, ToFrameWorker } from './frame-protocol.js';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromFrameWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);
const canvas = new OffscreenCanvas(1, 1);
const ctx = canvas.getContext('2d');

/** Starts the JPEG of the bitmap's pixels (the canvas is copied now, the blob comes later). */
function encode(bitmap: ImageBitmap, quality: number): Promise<Blob | null> {
  if (!ctx) return Promise.resolve(null);
  if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
  if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
  ctx.drawImage(bitmap, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

self.onmessage = (ev: MessageEvent<ToFrameWorker>) => {
  const { id, frame, size, jpegQuality } = ev.data;
  const made = size
    ? createImageBitmap(frame, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'low' })
    : createImageBitmap(frame);
  // The bitmap holds its own copy of the pixels once made; the camera's buffer goes back either way.
  made.then(
    (bitmap) => {
      frame.close();
      const jpeg = jpegQuality === null ? null : encode(bitmap, jpegQuality);
      post({ id, bitmap }, [bitmap]);
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
