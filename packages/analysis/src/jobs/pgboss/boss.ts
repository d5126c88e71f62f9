import PgBoss from 'pg-boss';
import type { Logger } from '../../logger.js';
import { DEAD_GROUP_QUEUE, GROUP_QUEUE, type GroupJob, JOBS_CHANNEL } from './names.js';
import type { ResolvedPgBossOptions } from './options.js';

/**
 * Starts pg-boss (it installs or migrates its schema under its own lock) and makes sure both queues
 * exist. `supervise`: this process takes part in maintenance (expiring lost jobs); workers do, the
 * API side only sends.
 */
export async function startBoss(
  o: ResolvedPgBossOptions,
  logger: Logger,
  supervise: boolean,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: o.connectionString,
    application_name: supervise ? 'open-liveness-worker' : 'open-liveness-analysis',
    max: 4,
    supervise,
    schedule: false,
    maintenanceIntervalSeconds: o.maintenanceIntervalSeconds,
  });
  boss.on('error', (err: Error) => logger.error({ err: err.message }, 'job queue'));
  await boss.start();
  await ensureQueue(boss, DEAD_GROUP_QUEUE, {});
  await ensureQueue(boss, GROUP_QUEUE, {
    retryLimit: o.retryLimit,
    retryDelay: o.retryDelaySeconds,
    expireInSeconds: o.expireInSeconds,
    deadLetter: DEAD_GROUP_QUEUE,
  });
  return boss;
}

/** createQueue fails on an existing name; several processes may start at once, so check, try, check. */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, { name, policy: 'standard', ...options });
  } catch (err) {
    if (!(await boss.getQueue(name))) throw err;
  }
}

/**
 * Sends a group with the group id as job id (a second send of one group is a no-op: pg-boss inserts
 * ON CONFLICT DO NOTHING) and with this process's expiry and retries on the job itself, so changed
 * settings apply to new jobs without touching the queue. Wakes idle workers with a NOTIFY.
 * Returns whether a new job was made.
 */
export async function sendGroup(boss: PgBoss, o: ResolvedPgBossOptions, job: GroupJob): Promise<boolean> {
  const id = await boss.send(
    GROUP_QUEUE,
    { ...job },
    {
      id: job.group_id,
      expireInSeconds: o.expireInSeconds,
      retryLimit: o.retryLimit,
      retryDelay: o.retryDelaySeconds,
      deadLetter: DEAD_GROUP_QUEUE,
    },
  );
  if (id !== null) await boss.getDb().executeSql('SELECT pg_notify($1, $2)', [JOBS_CHANNEL, job.group_id]);
  return id !== null;
}
