/**
 * Releases values in the order of their ids (1, 2, 3 …), whichever arrives first: two vision workers may
 * finish frames out of order, and the action machine must see them in capture order. Every id must be put
 * once (a result or a failure), or the ones after it wait.
 */
export class InOrder<T> {
  private next = 1;
  private readonly held = new Map<number, T>();

  constructor(private readonly release: (id: number, value: T) => void) {}

  put(id: number, value: T): void {
    this.held.set(id, value);
    for (let v = this.held.get(this.next); this.held.delete(this.next); v = this.held.get(this.next))
      this.release(this.next++, v as T);
  }
}

/**
 * Vision workers to start: a second one pipelines frames only from 4 cores. On a 2-core machine two workers
 * analysed fewer frames than one (6.9 vs 9.6 fps, ratio 0.80 to the bare loop; docs/benchmarks.md): the
 * page's main thread, which feeds both, and the second inference thread compete for the same two cores.
 */
export function visionPoolSize(hardwareConcurrency: number | undefined): number {
  return (hardwareConcurrency ?? 1) >= 4 ? 2 : 1;
}
