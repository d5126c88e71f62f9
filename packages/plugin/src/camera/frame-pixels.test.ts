import { describe, expect, it } from 'vitest';
import { FramePixels } from './frame-pixels.js';

/**
 * A stand-in VideoFrame: `width`×`height` stored pixels whose red byte is the pixel's index (mod 256), so
 * where each pixel ends up can be read back. Records the buffers copyTo was given.
 */
function fakeFrame(width: number, height: number, orientation: { rotation?: number; flip?: boolean } = {}) {
  const copiedInto: ArrayBuffer[] = [];
  const frame = {
    codedWidth: width,
    codedHeight: height,
    visibleRect: { x: 0, y: 0, width, height },
    ...orientation,
    allocationSize: () => width * height * 4,
    copyTo: async (buffer: ArrayBuffer) => {
      copiedInto.push(buffer);
      const bytes = new Uint8Array(buffer);
      for (let i = 0; i < width * height; i++) bytes.set([i % 256, 0, 0, 255], i * 4);
      return [{ offset: 0, stride: width * 4 }];
    },
  };
  return { frame: frame as unknown as VideoFrame, copiedInto };
}
const reds = (rgba: ArrayBuffer) => [...new Uint8Array(rgba)].filter((_, i) => i % 4 === 0);

describe('FramePixels', () => {
  it('copies an upright frame at its own size into the lent buffer when it fits', async () => {
    const pixels = new FramePixels();
    const lent = new ArrayBuffer(3 * 2 * 4);
    const { frame } = fakeFrame(3, 2);
    const out = await pixels.copy(frame, null, lent);
    expect(out.rgba).toBe(lent);
    expect([out.width, out.height]).toEqual([3, 2]);
    expect(reds(out.rgba)).toEqual([0, 1, 2, 3, 4, 5]);
    // A buffer of another size is not used.
    const other = await pixels.copy(fakeFrame(3, 2).frame, null, new ArrayBuffer(8));
    expect(other.rgba.byteLength).toBe(24);
  });

  it('shrinks an HD frame into the lent buffer, reusing its own full-size buffer from frame to frame', async () => {
    const pixels = new FramePixels();
    const a = fakeFrame(4, 2);
    const lent = new ArrayBuffer(2 * 1 * 4);
    const out = await pixels.copy(a.frame, { width: 2, height: 1 }, lent);
    expect(out.rgba).toBe(lent);
    expect([out.width, out.height]).toEqual([2, 1]);
    // 2×2 boxes of indices (0, 1, 4, 5) and (2, 3, 6, 7): means 2.5 → 3 and 4.5 → 5 (rounded half up).
    expect(reds(out.rgba)).toEqual([3, 5]);
    const b = fakeFrame(4, 2);
    await pixels.copy(b.frame, { width: 2, height: 1 }, null);
    expect(b.copiedInto[0]).toBe(a.copiedInto[0]);
  });

  it('a frame no larger than the size asked for is sent at its own size', async () => {
    const out = await new FramePixels().copy(fakeFrame(3, 2).frame, { width: 3, height: 2 }, null);
    expect([out.width, out.height]).toEqual([3, 2]);
  });

  it('turns a sideways frame upright into the lent buffer', async () => {
    const pixels = new FramePixels();
    // Stored 3×2 (indices 0 1 2 / 3 4 5), rotation 90: seen 2×3 as 3 0 / 4 1 / 5 2.
    const lent = new ArrayBuffer(2 * 3 * 4);
    const out = await pixels.copy(fakeFrame(3, 2, { rotation: 90 }).frame, null, lent);
    expect(out.rgba).toBe(lent);
    expect([out.width, out.height]).toEqual([2, 3]);
    expect(reds(out.rgba)).toEqual([3, 0, 4, 1, 5, 2]);
    const mirrored = await pixels.copy(fakeFrame(3, 2, { flip: true }).frame, null, null);
    expect(reds(mirrored.rgba)).toEqual([2, 1, 0, 5, 4, 3]);
  });

  it('a sideways HD frame is shrunk as stored (sides swapped) and then turned to the size asked for', async () => {
    // Stored 4×2, rotation 270: seen 2×4; asked for 1×2 as seen, so shrunk to 2×1 as stored, then turned.
    const { frame, copiedInto } = fakeFrame(4, 2, { rotation: 270 });
    const out = await new FramePixels().copy(frame, { width: 1, height: 2 }, null);
    expect([out.width, out.height]).toEqual([1, 2]);
    // Stored boxes give 3 (left) and 5 (right); a quarter turn clockwise back up puts the right one on top.
    expect(reds(out.rgba)).toEqual([5, 3]);
    expect(copiedInto).toHaveLength(1);
  });

  it('passes a refused copy on, for the worker to fall back to bitmaps', async () => {
    const { frame } = fakeFrame(2, 2);
    (frame as unknown as { copyTo: () => Promise<never> }).copyTo = () =>
      Promise.reject(new TypeError('format unsupported'));
    await expect(new FramePixels().copy(frame, null, null)).rejects.toThrow('format unsupported');
  });
});
