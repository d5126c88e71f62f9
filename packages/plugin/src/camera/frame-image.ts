/**
 * RGBA pixels copied straight out of a VideoFrame (`VideoFrame.copyTo`). The buffer travels frame worker →
 * page → vision worker and back to the page's pool (camera/buffer-pool.ts), so steady capture allocates none.
 */
export interface RgbaFrame {
  readonly rgba: ArrayBuffer;
  readonly width: number;
  readonly height: number;
}

/**
 * A frame for the vision workers: RGBA bytes where the frame worker could copy them (HD frames shrunk to the
 * analysis size, sideways sensors' frames turned upright), else an ImageBitmap (the page's own copy when
 * there is no frame worker, engines whose copyTo cannot convert to RGBA).
 */
export type FrameImage = ImageBitmap | RgbaFrame;

export const isRgba = (image: FrameImage): image is RgbaFrame => 'rgba' in image;

/** What to list in postMessage's transfer for this image. */
export const transferOf = (image: FrameImage): Transferable => (isRgba(image) ? image.rgba : image);

/** Gives the image's pixels up: a bitmap is closed, an RGBA buffer is left to whoever recycles it. */
export function releaseImage(image: FrameImage): void {
  if (!isRgba(image)) image.close();
}
