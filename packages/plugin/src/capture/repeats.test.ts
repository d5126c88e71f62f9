import { describe, expect, it } from 'vitest';
import { type EncodedFrame, RepeatFilter, sameBytes } from './repeats.js';

const bytes = (...v: number[]) => new Uint8Array(v);

/** A frame that counts how often its bytes were read. */
function frame(...v: number[]): EncodedFrame & { reads: number } {
  const data = bytes(...v);
  return {
    size: data.byteLength,
    reads: 0,
    arrayBuffer() {
      this.reads++;
      return Promise.resolve(data.slice().buffer);
    },
  };
}

describe('sameBytes', () => {
  it('compares length and content', () => {
    expect(sameBytes(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(sameBytes(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false);
    expect(sameBytes(bytes(1, 2), bytes(1, 2, 3))).toBe(false);
    expect(sameBytes(bytes(), bytes())).toBe(true);
  });
});

describe('RepeatFilter', () => {
  it('leaves out a frame equal to the previous recorded one of the same clip', async () => {
    const f = new RepeatFilter();
    expect(await f.repeats(1, frame(9, 9))).toBe(false);
    expect(await f.repeats(1, frame(9, 9))).toBe(true);
    expect(await f.repeats(1, frame(8, 8))).toBe(false);
    // A picture seen again later (a looping clip) is not the previous frame: the server judges that one.
    expect(await f.repeats(1, frame(9, 9))).toBe(false);
  });

  it('reads bytes only when the sizes match', async () => {
    const f = new RepeatFilter();
    const a = frame(1, 2, 3);
    const b = frame(1, 2);
    expect(await f.repeats(1, a)).toBe(false);
    expect(await f.repeats(1, b)).toBe(false);
    expect(a.reads + b.reads).toBe(0);
  });

  it('a frame whose bytes cannot be read counts as a new picture (never rejects)', async () => {
    const f = new RepeatFilter();
    expect(await f.repeats(1, frame(5, 5))).toBe(false);
    const unreadable: EncodedFrame = { size: 2, arrayBuffer: () => Promise.reject(new Error('gone')) };
    expect(await f.repeats(1, unreadable)).toBe(false);
  });

  it('keeps clips apart and forgets a finished clip', async () => {
    const f = new RepeatFilter();
    expect(await f.repeats(1, frame(5))).toBe(false);
    expect(await f.repeats(2, frame(5))).toBe(false);
    f.forget(1);
    expect(await f.repeats(1, frame(5))).toBe(false);
    expect(await f.repeats(2, frame(5))).toBe(true);
  });
});
