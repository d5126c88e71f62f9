/// <reference lib="webworker" />
// The frame worker: turns the camera's VideoFrames into pixels for the vision workers, off the page's main
// thread and off the model's thread. Each frame is copied as RGBA bytes (VideoFrame.copyTo) into a recycled
// buffer: about 0.6 ms per 640×480 frame here, against 2.6 ms for createImageBitmap, which Chromium also
// backs with a fresh 1.2 MB of discardable memory per frame (docs/benchmarks.md, "Frame copies"). HD frames
// are copied whole into this worker's own buffer and box-averaged down to the analysis size (camera/shrink.ts):
// 1280×720 takes about 3 ms so, against 8.1 ms for a resizing createImageBitmap.
// Recorded frames are JPEG-encoded here as well: this thread is idle between frames, while the vision
// worker's thread runs the model back to back and would only encode in its rare idle slices.
import type { FrameSize } from '../vision/frame-size.js';
import { type FrameImage, isRgba, type RgbaFrame, transferOf } from './frame-image.js';
import type { FromFrameWorker, ToFrameWorker } from './frame-protocol.js';
import { shrinkRgba } from './shrink.js';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromFrameWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);
const canvas = new OffscreenCanvas(1, 1);
const ctx = canvas.getContext('2d');
/** Cleared for good once this browser refuses an RGBA copyTo (older engines convert only to the frame's format). */
let rgbaCopies = typeof VideoFrame === 'function' && typeof VideoFrame.prototype.copyTo === 'function';

/** An HD frame's full-size pixels, before shrinking: one buffer kept for the whole session. */
let fullSize: ArrayBuffer | null = null;

async function copyRgba(frame: VideoFrame, buffer: ArrayBuffer | null): Promise<RgbaFrame> {
  const options: VideoFrameCopyToOptions = { format: 'RGBA' };
  const bytes = frame.allocationSize(options);
  const rgba = buffer?.byteLength === bytes ? buffer : new ArrayBuffer(bytes);
  const [plane] = await frame.copyTo(rgba, options);
  const width = frame.visibleRect?.width ?? frame.displayWidth;
  const height = frame.visibleRect?.height ?? frame.displayHeight;
  if (plane?.offset !== 0 || plane.stride !== width * 4) throw new Error('unexpected RGBA layout');
  return { rgba, width, height };
}

/** Orientation metadata newer engines attach to camera frames (rotated phone sensors); not in TS's DOM lib yet. */
interface OrientedFrame {
  readonly rotation?: number;
  readonly flip?: boolean;
}

/** copyTo hands over the sensor's pixels as stored; createImageBitmap applies the frame's orientation. */
const upright = (frame: VideoFrame & OrientedFrame) => !frame.rotation && !frame.flip;

/** The frame copied full size, then shrunk into the page's buffer (when it fits) or a new one. */
async function copyShrunk(
  frame: VideoFrame,
  size: FrameSize,
  buffer: ArrayBuffer | null,
): Promise<RgbaFrame> {
  const full = await copyRgba(frame, fullSize);
  fullSize = full.rgba;
  const bytes = size.width * size.height * 4;
  const rgba = buffer?.byteLength === bytes ? buffer : new ArrayBuffer(bytes);
  const out = { data: new Uint8Array(rgba), width: size.width, height: size.height };
  shrinkRgba({ data: new Uint8Array(full.rgba), width: full.width, height: full.height }, out);
  return { rgba, width: size.width, height: size.height };
}

async function toImage({ frame, size, buffer }: ToFrameWorker): Promise<FrameImage> {
  if (rgbaCopies && upright(frame)) {
    try {
      return await (size ? copyShrunk(frame, size, buffer) : copyRgba(frame, buffer));
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
