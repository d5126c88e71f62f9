/// <reference lib="webworker" />
// The frame worker: turns the camera's VideoFrames into ImageBitmaps (colour conversion, and scaling for HD
// frames) off the page's main thread. The conversion is the page's largest per-frame cost otherwise
// (about 3 ms per 640×480 frame on this repo's 2-core machine), and it stays off the model's thread too.
import type { FromFrameWorker, ToFrameWorker } from './frame-protocol.js';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromFrameWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

self.onmessage = (ev: MessageEvent<ToFrameWorker>) => {
  const { id, frame, size } = ev.data;
  const made = size
    ? createImageBitmap(frame, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'low' })
    : createImageBitmap(frame);
  // The bitmap holds its own copy of the pixels once made; the camera's buffer goes back either way.
  made.then(
    (bitmap) => {
      frame.close();
      post({ id, bitmap }, [bitmap]);
    },
    (err: unknown) => {
      frame.close();
      post({ id, error: err instanceof Error ? err.message : String(err) });
    },
  );
};
