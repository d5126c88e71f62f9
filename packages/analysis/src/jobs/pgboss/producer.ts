import type PgBoss from 'pg-boss';
import type { AnalysisRecord } from '../../domain/types.js';
import type { Logger } from '../../logger.js';
import type { Storage } from '../../storage/types.js';
import type { AnalysisQueue } from '../queue.js';
import { sendGroup, startBoss } from './boss.js';
import { PgListener } from './listener.js';
import { DONE_CHANNEL, type GroupJob } from './names.js';
import { type PgBossQueueOptions, type ResolvedPgBossOptions, resolvePgBossOptions } from './options.js';

/** While someone waits on a group, storage is also checked this often (a NOTIFY can be missed). */
const WAIT_RECHECK_MS = 5_000;

interface Waiter {
  analysisIds: readonly string[];
  resolve(): void;
}

/**
 * Sends every group to pg-boss with the group id as job id, so sending the same group twice is a
 * no-op (pg-boss inserts ON CONFLICT DO NOTHING). This process runs nothing: workers (worker.ts) do.
 * `enqueue()` still settles when the group is finished: workers NOTIFY on DONE_CHANNEL.
 */
export class PgBossQueue implements AnalysisQueue {
  private readonly waiters = new Map<string, Waiter[]>();
  private recheck: NodeJS.Timeout | undefined;
  private readonly sending = new Set<Promise<unknown>>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly options: ResolvedPgBossOptions,
    private readonly listener: PgListener,
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  static async start(options: PgBossQueueOptions, storage: Storage, logger: Logger): Promise<PgBossQueue> {
    const o = resolvePgBossOptions(options);
    const boss = await startBoss(o, logger, false);
    let queue: PgBossQueue | undefined;
    const listener = new PgListener(
      o.connectionString,
      [DONE_CHANNEL],
      (_channel, groupId) => queue?.finished(groupId),
      logger,
      () => void queue?.checkWaiters(),
    );
    queue = new PgBossQueue(boss, o, listener, storage, logger);
    try {
      await listener.start();
    } catch (err) {
      await boss.stop({ graceful: false, wait: true });
      throw err;
    }
    return queue;
  }

  enqueue(folderId: string, group: readonly AnalysisRecord[]): Promise<void> {
    const first = group[0];
    if (!first) return Promise.resolve();
    const done = new Promise<void>((resolve) => {
      const list = this.waiters.get(first.group_id) ?? [];
      list.push({ analysisIds: group.map((a) => a.analysis_id), resolve });
      this.waiters.set(first.group_id, list);
    });
    this.armRecheck();
    const sent = this.send({
      folder_id: folderId,
      group_id: first.group_id,
      analysis_ids: group.map((a) => a.analysis_id),
    }).catch((err: unknown) => {
      // The analyses are stored PROCESSING: a worker's sweep (resumeInterrupted) sends them later.
      this.logger.error(
        { folder_id: folderId, group_id: first.group_id, err: (err as Error).message },
        'analysis group not queued; a worker will pick it up at its next sweep',
      );
    });
    this.sending.add(sent);
    void sent.finally(() => this.sending.delete(sent));
    return done;
  }

  /** Sends a group (again). Returns whether a new job was made (false: one already exists). */
  send(job: GroupJob): Promise<boolean> {
    return sendGroup(this.boss, this.options, job);
  }

  async resumeInterrupted(): Promise<number> {
    return sweepUnfinished(this.storage, (job) => this.send(job), this.logger);
  }

  async idle(): Promise<void> {
    await Promise.all([...this.sending]);
  }

  async close(): Promise<void> {
    await this.idle();
    clearInterval(this.recheck);
    this.recheck = undefined;
    await this.listener.close();
    await this.boss.stop({ graceful: true, wait: true });
  }

  private finished(groupId: string): void {
    const list = this.waiters.get(groupId);
    if (!list) return;
    this.waiters.delete(groupId);
    for (const w of list) w.resolve();
    if (this.waiters.size === 0) this.disarmRecheck();
  }

  private armRecheck(): void {
    if (this.recheck) return;
    this.recheck = setInterval(() => void this.checkWaiters(), WAIT_RECHECK_MS);
    this.recheck.unref();
  }

  private disarmRecheck(): void {
    clearInterval(this.recheck);
    this.recheck = undefined;
  }

  /** Resolves the waiters whose analyses are all final in storage. */
  private async checkWaiters(): Promise<void> {
    for (const [groupId, list] of [...this.waiters]) {
      const ids = list[0]?.analysisIds ?? [];
      try {
        const records = await Promise.all(ids.map((id) => this.storage.meta.getAnalysis(id)));
        if (records.every((a) => a === null || a.state !== 'PROCESSING')) this.finished(groupId);
      } catch (err) {
        this.logger.warn({ group_id: groupId, err: (err as Error).message }, 'could not check a group');
      }
    }
  }
}

/**
 * Sends every group still PROCESSING in storage. A group whose job exists (queued, running, waiting
 * for a retry) is not sent twice: the job id is the group id. Returns how many analyses were re-sent.
 */
export async function sweepUnfinished(
  storage: Storage,
  send: (job: GroupJob) => Promise<boolean>,
  logger: Logger,
): Promise<number> {
  const groups = new Map<string, AnalysisRecord[]>();
  for (const a of await storage.meta.listUnfinishedAnalyses()) {
    groups.set(a.group_id, [...(groups.get(a.group_id) ?? []), a]);
  }
  let resent = 0;
  for (const [groupId, group] of groups) {
    const folderId = (group[0] as AnalysisRecord).folder_id;
    if (await send({ folder_id: folderId, group_id: groupId, analysis_ids: group.map((a) => a.analysis_id) }))
      resent += group.length;
  }
  if (resent) logger.info({ analyses: resent }, 'queued analyses that had no job');
  return resent;
}
