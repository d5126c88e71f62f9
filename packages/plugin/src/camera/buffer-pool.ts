/** Free buffers kept at most: two per vision worker's queue, with room for one in the frame worker. */
const MAX_FREE = 6;

/**
 * Frame buffers waiting to be filled again. Each analysed frame's buffer comes back from its vision worker,
 * so the frame worker writes into the same few buffers for the whole capture instead of a new 1.2 MB one
 * per frame. Bounded: a buffer beyond MAX_FREE is left to the garbage collector.
 */
export class BufferPool {
  private free: ArrayBuffer[] = [];

  /** A buffer to fill, or null when none is free (the frame worker then allocates one). */
  take(): ArrayBuffer | null {
    return this.free.pop() ?? null;
  }

  /** A buffer back from a worker; a detached (transferred away) or empty one is not kept. */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength && this.free.length < MAX_FREE) this.free.push(buffer);
  }

  clear(): void {
    this.free = [];
  }
}
