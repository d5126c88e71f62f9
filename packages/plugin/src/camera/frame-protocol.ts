/** Messages between the page and the frame worker (camera/frame-worker.ts). */
export type ToFrameWorker = {
  id: number;
  frame: VideoFrame;
  /** The size to scale to while converting (vision/frame-size.ts), or null for the frame's own size. */
  size: { width: number; height: number } | null;
};

export type FromFrameWorker = { id: number; bitmap: ImageBitmap } | { id: number; error: string };
