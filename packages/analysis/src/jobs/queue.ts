import type { AnalysisRecord } from '../domain/types.js';

/**
 * Where analysis groups wait until something runs them. The default is this process
 * (`AnalysisRunner`: an in-process queue, the single-machine setup). `PgBossQueue` keeps them in
 * PostgreSQL, where any number of analysis workers (worker.ts) take them with an expiry.
 */
export interface AnalysisQueue {
  /**
   * Queues one group of analyses (already stored as PROCESSING). The promise settles when the group
   * is finished, wherever it ran; it never rejects.
   */
  enqueue(folderId: string, group: readonly AnalysisRecord[]): Promise<void>;
  /** Queues again what is still PROCESSING with nothing running it (after a crash). Returns how many analyses. */
  resumeInterrupted(): Promise<number>;
  /** Resolves once nothing this process queued or runs is left. */
  idle(): Promise<void>;
  close(): Promise<void>;
}
