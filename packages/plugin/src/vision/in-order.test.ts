import { describe, expect, it } from 'vitest';
import { InOrder, visionPoolSize } from './in-order.js';

describe('InOrder', () => {
  it('releases values in id order whatever the arrival order', () => {
    const out: Array<[number, string]> = [];
    const seq = new InOrder<string>((id, v) => out.push([id, v]));
    seq.put(2, 'b');
    expect(out).toEqual([]);
    seq.put(3, 'c');
    seq.put(1, 'a');
    expect(out).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    seq.put(5, 'e');
    seq.put(4, 'd');
    expect(out.map(([id]) => id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps order over a long interleaving of two workers and releases each id once', () => {
    const out: number[] = [];
    const seq = new InOrder<number | null>((id, v) => {
      expect(v === null || v === id).toBe(true);
      out.push(id);
    });
    // Worker A takes odd frames and is slow, worker B even frames and fast; some frames fail (null).
    const arrivals: number[] = [];
    for (let i = 1; i <= 200; i += 2) arrivals.push(i + 1, i);
    for (const id of arrivals) seq.put(id, id % 7 === 0 ? null : id);
    expect(out).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('holds everything after a missing id', () => {
    const out: number[] = [];
    const seq = new InOrder<number>((id) => out.push(id));
    seq.put(2, 2);
    seq.put(3, 3);
    expect(out).toEqual([]);
  });
});

describe('visionPoolSize', () => {
  it('starts two workers on four or more cores, one otherwise', () => {
    expect(visionPoolSize(undefined)).toBe(1);
    expect(visionPoolSize(1)).toBe(1);
    expect(visionPoolSize(2)).toBe(1);
    expect(visionPoolSize(3)).toBe(1);
    expect(visionPoolSize(4)).toBe(2);
    expect(visionPoolSize(16)).toBe(2);
  });
});
