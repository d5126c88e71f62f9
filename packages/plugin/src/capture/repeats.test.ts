import { describe, expect, it } from 'vitest';
import { RepeatFilter, sameBytes } from './repeats.js';

const bytes = (...v: number[]) => new Uint8Array(v);

describe('sameBytes', () => {
  it('compares length and content', () => {
    expect(sameBytes(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(sameBytes(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false);
    expect(sameBytes(bytes(1, 2), bytes(1, 2, 3))).toBe(false);
    expect(sameBytes(bytes(), bytes())).toBe(true);
  });
});

describe('RepeatFilter', () => {
  it('leaves out a frame equal to the previous recorded one of the same clip', () => {
    const f = new RepeatFilter();
    expect(f.repeats(1, bytes(9, 9))).toBe(false);
    expect(f.repeats(1, bytes(9, 9))).toBe(true);
    expect(f.repeats(1, bytes(8, 8))).toBe(false);
    // A picture seen again later (a looping clip) is not the previous frame: the server judges that one.
    expect(f.repeats(1, bytes(9, 9))).toBe(false);
  });

  it('keeps clips apart and forgets a finished clip', () => {
    const f = new RepeatFilter();
    expect(f.repeats(1, bytes(5))).toBe(false);
    expect(f.repeats(2, bytes(5))).toBe(false);
    f.forget(1);
    expect(f.repeats(1, bytes(5))).toBe(false);
    expect(f.repeats(2, bytes(5))).toBe(true);
  });
});
