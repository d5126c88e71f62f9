import type PgBoss from 'pg-boss';
import { ANALYSIS_ERRORS } from '../../domain/errors.js';
import { nowSeconds } from '../../domain/time.js';
import type { Logger } from '../../logger.js';
import type { Storage } from '../../storage/types.js';
import type { AnalysisRunner } from '../runner.js';
import { sendGroup, startBoss } from './boss.js';
import { PgListener } from './listener.js';
import {
  DEAD_GROUP_QUEUE,
  DONE_CHANNEL,
  GROUP_QUEUE,
  type GroupJob,
  isGroupJob,
  JOBS_CHANNEL,
} from './names.js';
import { type PgBossQueueOptions, type ResolvedPgBossOptions, resolvePgBossOptions } from './options.js';
import { sweepUnfinished } from './producer.js';

export interface AnalysisWorkerDeps {
  queue: PgBossQueueOptions;
  runner: AnalysisRunner;
  storage: Storage;
  logger: Logger;
  /** Groups this process runs at once (one pg-boss work loop each). */
  concurrency: number;
}

/** Sweeps for groups without a job (an API that died between storing and sending) this often. */
const SWEEP_EVERY_MAINTENANCE = 6;

/**
 * Takes analysis groups from pg-boss and runs them on this process. A taken job has an expiry: when
 * this process dies mid-job, maintenance (any worker's) sees it expire and pg-boss offers it again
 * after `retryDelaySeconds`, to whichever worker fetches first; after the last attempt the group
 * goes to the dead-letter queue and its analyses are FAILED, so nothing stays PROCESSING.
 */
export class AnalysisWorker {
  private sweepTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly boss: PgBoss,
    private readonly options: ResolvedPgBossOptions,
    private readonly listener: PgListener,
    private readonly deps: AnalysisWorkerDeps,
  ) {}

  static async start(deps: AnalysisWorkerDeps): Promise<AnalysisWorker> {
    const o = resolvePgBossOptions(deps.queue);
    const boss = await startBoss(o, deps.logger, true);
    const workerIds: string[] = [];
    const listener = new PgListener(
      o.connectionString,
      [JOBS_CHANNEL],
      () => {
        for (const id of workerIds) boss.notifyWorker(id);
      },
      deps.logger,
    );
    const worker = new AnalysisWorker(boss, o, listener, deps);
    try {
      const polling = { batchSize: 1, pollingIntervalSeconds: o.pollingIntervalSeconds };
      for (let i = 0; i < Math.max(1, deps.concurrency); i++) {
        workerIds.push(await boss.work<GroupJob>(GROUP_QUEUE, polling, (jobs) => worker.run(jobs)));
      }
      await boss.work<GroupJob>(DEAD_GROUP_QUEUE, polling, (jobs) => worker.giveUp(jobs));
      await listener.start();
      await worker.sweep();
    } catch (err) {
      await listener.close();
      await boss.stop({ graceful: false, wait: true });
      throw err;
    }
    worker.sweepTimer = setInterval(
      () => void worker.sweep(),
      o.maintenanceIntervalSeconds * SWEEP_EVERY_MAINTENANCE * 1000,
    );
    worker.sweepTimer.unref();
    return worker;
  }

  private async run(jobs: PgBoss.Job<GroupJob>[]): Promise<void> {
    for (const job of jobs) {
      if (!isGroupJob(job.data)) throw new Error(`job ${job.id} is not an analysis group`);
      const { folder_id, group_id, analysis_ids } = job.data;
      this.deps.logger.info(
        { folder_id, group_id, job_id: job.id, pid: process.pid },
        'analysis group taken',
      );
      // Throws when storage fails: pg-boss then retries the job.
      await this.deps.runner.runTaken(folder_id, analysis_ids);
      await this.notifyDone(group_id);
    }
  }

  /** A group out of attempts: what is still PROCESSING becomes FAILED, with a reason. */
  private async giveUp(jobs: PgBoss.Job<GroupJob>[]): Promise<void> {
    const { meta } = this.deps.storage;
    for (const job of jobs) {
      if (!isGroupJob(job.data)) continue;
      const { folder_id, group_id, analysis_ids } = job.data;
      const now = nowSeconds();
      for (const id of analysis_ids) {
        const a = await meta.getAnalysis(id);
        if (a?.state !== 'PROCESSING') continue;
        await meta.updateAnalysis({
          ...a,
          state: 'FAILED',
          resolution_status: 'FAILED',
          error_code: ANALYSIS_ERRORS.INTERNAL,
          error_message: 'Analysis could not be completed: every attempt failed or its worker was lost',
          time_updated: now,
          time_task_finished: now,
        });
      }
      await meta.touchFolder(folder_id, now);
      this.deps.logger.error({ folder_id, group_id }, 'analysis group failed after its last attempt');
      await this.notifyDone(group_id);
    }
  }

  private async notifyDone(groupId: string): Promise<void> {
    await this.boss.getDb().executeSql('SELECT pg_notify($1, $2)', [DONE_CHANNEL, groupId]);
  }

  private send(job: GroupJob): Promise<boolean> {
    return sendGroup(this.boss, this.options, job);
  }

  private async sweep(): Promise<void> {
    try {
      await sweepUnfinished(this.deps.storage, (job) => this.send(job), this.deps.logger);
    } catch (err) {
      this.deps.logger.warn({ err: (err as Error).message }, 'sweep for unqueued analyses failed');
    }
  }

  /** Stops taking jobs; jobs running now may finish within `graceMs`, then count as failed (retried). */
  async close(graceMs = 30_000): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.listener.close();
    await this.boss.stop({ graceful: true, wait: true, timeout: graceMs });
    await this.deps.runner.idle();
  }
}
