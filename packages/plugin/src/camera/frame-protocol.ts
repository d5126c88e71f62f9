/** Messages between the page and the frame worker (camera/frame-worker.ts). */
export type ToFrameWorker = {
  id: number;
  frame: VideoFrame;
  /** The size to scale to while converting (vision/frame-size.ts), or null for the frame's own size. */
  size: { width: number; height: number } | null;
  /** For a recorded frame: also encode the converted pixels as a JPEG of this quality (0..1). */
  jpegQuality: number | null;
};

export type FromFrameWorker =
  | { id: number; bitmap: ImageBitmap }
  | { id: number; error: string }
  /** Follows the bitmap of a frame sent with a `jpegQuality`; null when the encoding failed. */
  | { id: number; jpeg: Blob | null };
