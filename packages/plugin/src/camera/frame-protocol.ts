import type { FrameImage } from './frame-image.js';

/** Messages between the page and the frame worker (camera/frame-worker.ts). */
export type ToFrameWorker = {
  id: number;
  frame: VideoFrame;
  /** The size to scale to while converting (vision/frame-size.ts), or null for the frame's own size. */
  size: { width: number; height: number } | null;
  /** For a recorded frame: also encode the converted pixels as a JPEG of this quality (0..1). */
  jpegQuality: number | null;
  /** A recycled buffer to copy the RGBA pixels into (transferred); used when its size fits. */
  buffer: ArrayBuffer | null;
};

export type FromFrameWorker =
  | { id: number; image: FrameImage }
  | { id: number; error: string }
  /** Follows the image of a frame sent with a `jpegQuality`; null when the encoding failed. */
  | { id: number; jpeg: Blob | null };
