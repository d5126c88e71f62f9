/**
 * Frame buffers waiting to be filled again. Each analysed frame's buffer comes back from its vision worker,
 * so the frame worker writes into the same few buffers for the whole capture instead of a new 1.2 MB one
 * per frame. Bounded: a buffer beyond `max` is left to the garbage collector.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];

  constructor(private readonly max = 6) {}

  /** A buffer to fill, or null when none is free (the frame worker then allocates one). */
  take(): ArrayBuffer | null {
    return this.free.pop() ?? null;
  }

  /** A buffer back from a worker; a detached (transferred away) or empty one is not kept. */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength > 0 && this.free.length < this.max) this.free.push(buffer);
  }

  get size(): number {
    return this.free.length;
  }

  clear(): void {
    this.free.length = 0;
  }
}
