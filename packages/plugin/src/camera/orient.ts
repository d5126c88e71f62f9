import type { RgbaPixels } from './shrink.js';

/** A VideoFrame's orientation (WebCodecs): turned clockwise by `rotation` degrees, then mirrored if `flip`. */
export interface Orientation {
  readonly rotation: 0 | 90 | 180 | 270;
  readonly flip: boolean;
}

/**
 * The orientation a frame asks for, from its `rotation` and `flip` (a phone's camera sensor is mounted
 * sideways, and Chromium on Android hands its frames over as stored, with this metadata). Unknown values
 * count as none: the spec allows only quarter turns.
 */
export function orientationOf(frame: { readonly rotation?: number; readonly flip?: boolean }): Orientation {
  const r = (((frame.rotation ?? 0) % 360) + 360) % 360;
  return { rotation: r === 90 || r === 180 || r === 270 ? r : 0, flip: frame.flip === true };
}

export const isUpright = (o: Orientation) => o.rotation === 0 && !o.flip;

/** The size of `width`×`height` stored pixels once turned: a quarter turn swaps the sides. */
export function orientedSize(
  width: number,
  height: number,
  o: Orientation,
): { width: number; height: number } {
  return o.rotation % 180 ? { width: height, height: width } : { width, height };
}

/**
 * Writes `src` (pixels as stored) into `out` as they are meant to be seen: turned, then mirrored.
 * `out` must have the oriented size. Each output row walks the source with a fixed step, so the whole
 * image is one pass of 32-bit copies.
 */
export function orientRgba(src: RgbaPixels, o: Orientation, out: RgbaPixels): void {
  const { width: w, height: h } = src;
  const size = orientedSize(w, h, o);
  if (out.width !== size.width || out.height !== size.height)
    throw new RangeError('orientRgba: wrong output size');
  const s = new Uint32Array(src.data.buffer, src.data.byteOffset, w * h);
  const d = new Uint32Array(out.data.buffer, out.data.byteOffset, out.width * out.height);
  // Source index of output (x, y) before the mirror: rowStart(y) + x × colStep.
  const colStep = { 0: 1, 90: -w, 180: -1, 270: w }[o.rotation];
  const rowStart = (y: number) =>
    o.rotation === 0
      ? y * w
      : o.rotation === 90
        ? (h - 1) * w + y
        : o.rotation === 180
          ? (h - 1 - y) * w + w - 1
          : w - 1 - y;
  // The mirror runs each output row from its other end.
  const first = o.flip ? out.width - 1 : 0;
  const step = o.flip ? -colStep : colStep;
  let i = 0;
  for (let y = 0; y < out.height; y++) {
    let j = rowStart(y) + first * colStep;
    for (let x = 0; x < out.width; x++, j += step) d[i++] = s[j] as number;
  }
}
