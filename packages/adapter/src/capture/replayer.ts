import type { Logger } from 'pino';
import type { OzApiClient } from '../api-client/index.js';
import { type ReplayReport, replayPending } from './replay.js';

/**
 * Replays `pending/` by itself when the API is back: once at start, and after an upload succeeds
 * while uploads are kept (a success is the sign the API recovered). No timer, no polling: a kept
 * upload waits for the next event. One run at a time; a trigger during a run asks for one more.
 */
export class PendingReplayer {
  /** True while something may be kept: at start (earlier runs) and after keepPending. */
  private mayHavePending = true;
  private running: Promise<ReplayReport | undefined> | undefined;
  private again = false;

  constructor(
    private readonly dataDir: string,
    private readonly api: OzApiClient,
    private readonly log: Logger,
  ) {}

  /** An upload was just kept: the next recovery must replay. */
  noteKept(): void {
    this.mayHavePending = true;
  }

  /** The API answered a submit: replay if anything may be kept. Resolves when this run ends. */
  afterSuccess(): Promise<ReplayReport | undefined> {
    return this.mayHavePending ? this.trigger() : Promise.resolve(undefined);
  }

  /** Runs a replay now (or once more after the current one). Never rejects. */
  trigger(): Promise<ReplayReport | undefined> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.trigger();
      }
    });
    return this.running;
  }

  /** Resolves when no replay is running (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<ReplayReport | undefined> {
    this.mayHavePending = false;
    try {
      const report = await replayPending({ dataDir: this.dataDir, api: this.api });
      if (report.remaining > 0) this.mayHavePending = true;
      const total = report.replayed.length + report.setAside.length + report.remaining;
      if (total > 0) {
        this.log[report.stoppedBy ? 'warn' : 'info'](
          {
            replayed: report.replayed.map((r) => ({ id: r.id, folder_id: r.folderId })),
            set_aside: report.setAside,
            remaining: report.remaining,
            ...(report.stoppedBy ? { code: report.stoppedBy.code, cause: report.stoppedBy.cause } : {}),
          },
          'pending uploads replayed',
        );
      }
      return report;
    } catch (err) {
      this.mayHavePending = true;
      this.log.error({ err }, 'pending replay failed');
      return undefined;
    }
  }
}
