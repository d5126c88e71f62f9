import type { FrameImage } from './frame-image.js';

/** Messages between the page and the frame worker (camera/frame-worker.ts). */
export type ToFrameWorker = {
  id: number;
  frame: VideoFrame;
  /** The size to scale to while converting (vision/frame-size.ts), or null for the frame's own size. */
  size: { width: number; height: number } | null;
  /** For a recorded frame: also encode the converted pixels as a JPEG of this quality (0..1). */
  jpegQuality: number | null;
  /** A recycled buffer for the RGBA pixels at the analysis size (transferred); used when its size fits. */
  buffer: ArrayBuffer | null;
};

export type FromFrameWorker =
  /** `spare`: the page's buffer back, when it fitted but the frame became a bitmap instead. */
  | { id: number; image: FrameImage; spare: ArrayBuffer | null }
  | { id: number; error: string }
  /** Follows the image of a frame sent with a `jpegQuality`; null when the encoding failed. */
  | { id: number; jpeg: Blob | null };
