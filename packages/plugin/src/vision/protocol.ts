import type { FrameImage } from '../camera/frame-image.js';
import type { MaskLook } from './mask/look.js';
import type { FaceMetrics } from './types.js';

/** Messages from the page to the vision worker. */
export type ToWorker =
  | { type: 'init'; wasmBaseUrl: string; modelUrl: string }
  | {
      type: 'frame';
      id: number;
      timestamp: number;
      image: FrameImage;
      /**
       * When set, the frame belongs to a clip being recorded: keep the best one, and encode the frame unless
       * `encoded` (the frame worker already made its JPEG, camera/frame-worker.ts).
       */
      record: { clipId: number; jpegQuality: number; encoded: boolean } | null;
    }
  | { type: 'finish-clip'; clipId: number }
  /** Draw the 3D mask on this canvas; `rendererUrl` is the lazily loaded renderer (mask_renderer.js). */
  | { type: 'mask'; canvas: OffscreenCanvas; rendererUrl: string; look: MaskLook }
  | { type: 'mask-off' }
  | { type: 'drop-clip'; clipId: number };

/** Messages from the vision worker to the page. */
export type FromWorker =
  | { type: 'ready'; initMs: number }
  /** Share of the wasm runtime's and the model's bytes fetched so far, 0..1 (null: size unknown). */
  | { type: 'progress'; fraction: number | null }
  | { type: 'init-failed'; detail: string }
  | {
      type: 'result';
      id: number;
      metrics: FaceMetrics;
      inferenceMs: number;
      /** The frame is being encoded: its JPEG follows in a `jpeg` message (off the inference path). */
      encoding: boolean;
      /**
       * An RGBA buffer the worker is done with (transferred): this frame's, or, when this frame became the
       * clip's best and is kept, the previous best's. The page fills it with a later frame.
       */
      spare: ArrayBuffer | null;
    }
  | { type: 'jpeg'; id: number; jpeg: Blob | null }
  /** The best frame this worker saw of the clip (score -1 and no PNG when it saw none). */
  | { type: 'clip-finished'; clipId: number; bestFrameId: number; score: number; png: Blob | null }
  | { type: 'frame-failed'; id: number; detail: string }
  /** The model cannot go on (a wasm abort): the session must end. */
  | { type: 'crashed'; detail: string };
