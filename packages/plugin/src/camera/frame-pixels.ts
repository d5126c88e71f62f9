import type { FrameSize } from '../vision/frame-size.js';
import type { RgbaFrame } from './frame-image.js';
import { isUpright, orientationOf, orientedSize, orientRgba } from './orient.js';
import { shrinkRgba } from './shrink.js';

/** Orientation metadata of camera frames (WebCodecs rotation/flip); not in TS's DOM lib yet. */
export interface OrientedFrame {
  readonly rotation?: number;
  readonly flip?: boolean;
}

const bufferOf = (bytes: number, offered: ArrayBuffer | null) =>
  offered?.byteLength === bytes ? offered : new ArrayBuffer(bytes);
const view = (f: RgbaFrame) => ({ data: new Uint8Array(f.rgba), width: f.width, height: f.height });

/** The frame's visible pixels as stored, RGBA (copyTo ignores orientation by definition). */
async function copyStored(frame: VideoFrame, buffer: ArrayBuffer | null): Promise<RgbaFrame> {
  const options: VideoFrameCopyToOptions = { format: 'RGBA' };
  const rgba = bufferOf(frame.allocationSize(options), buffer);
  const [plane] = await frame.copyTo(rgba, options);
  const { width, height } = frame.visibleRect ?? { width: frame.codedWidth, height: frame.codedHeight };
  if (plane?.offset !== 0 || plane.stride !== width * 4) throw new Error('unexpected RGBA layout');
  return { rgba, width, height };
}

/**
 * A frame's pixels as the model must see them: RGBA, upright, at the analysis size. The page lends the
 * buffer for the result; the steps before it use this worker's own buffers, kept from frame to frame, so
 * a steady capture allocates none. Throws when the engine cannot copy to RGBA (the caller then uses bitmaps).
 */
export class FramePixels {
  /** An HD frame's full-size copy, before shrinking. */
  private full: ArrayBuffer | null = null;
  /** A turned frame's stored pixels (shrunk when HD), before turning. */
  private stored: ArrayBuffer | null = null;

  /** `size` is the analysis size as seen (the video element's orientation), or null for the frame's own. */
  async copy(
    frame: VideoFrame & OrientedFrame,
    size: FrameSize | null,
    buffer: ArrayBuffer | null,
  ): Promise<RgbaFrame> {
    // The common case first, without building an orientation per frame.
    if (!frame.rotation && !frame.flip) return this.copyAt(frame, size, buffer);
    const o = orientationOf(frame);
    if (isUpright(o)) return this.copyAt(frame, size, buffer);
    // Shrunk as stored (sides swapped for a quarter turn), then turned into the page's buffer.
    const storedSize = size && orientedSize(size.width, size.height, o);
    const stored = await this.copyAt(frame, storedSize, this.stored);
    this.stored = stored.rgba;
    const seen = orientedSize(stored.width, stored.height, o);
    const rgba = bufferOf(seen.width * seen.height * 4, buffer);
    orientRgba(view(stored), o, { data: new Uint8Array(rgba), ...seen });
    return { rgba, ...seen };
  }

  /** The stored pixels at `size` (box-averaged from a full-size copy), into `into` when it fits. */
  private async copyAt(
    frame: VideoFrame,
    size: FrameSize | null,
    into: ArrayBuffer | null,
  ): Promise<RgbaFrame> {
    if (!size) return copyStored(frame, into);
    const full = await copyStored(frame, this.full);
    // Not larger than asked (the camera changed size since the page measured the video): used as it is.
    if (full.width <= size.width || full.height <= size.height) {
      this.full = null;
      return full;
    }
    this.full = full.rgba;
    const rgba = bufferOf(size.width * size.height * 4, into);
    shrinkRgba(view(full), { data: new Uint8Array(rgba), width: size.width, height: size.height });
    return { rgba, width: size.width, height: size.height };
  }
}
