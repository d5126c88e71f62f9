import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool.js';

describe('BufferPool', () => {
  it('hands back the buffers it was given, newest first, and null when empty', () => {
    const pool = new BufferPool();
    expect(pool.take()).toBeNull();
    const a = new ArrayBuffer(8);
    const b = new ArrayBuffer(8);
    pool.give(a);
    pool.give(b);
    expect(pool.take()).toBe(b);
    expect(pool.take()).toBe(a);
    expect(pool.take()).toBeNull();
  });

  it('keeps at most six buffers and never a detached one', () => {
    const pool = new BufferPool();
    for (let i = 0; i < 9; i++) pool.give(new ArrayBuffer(4));
    let kept = 0;
    while (pool.take()) kept++;
    expect(kept).toBe(6);
    const detached = new ArrayBuffer(4);
    structuredClone(detached, { transfer: [detached] });
    expect(detached.byteLength).toBe(0);
    pool.give(detached);
    expect(pool.take()).toBeNull();
    pool.give(new ArrayBuffer(4));
    pool.clear();
    expect(pool.take()).toBeNull();
  });
});
