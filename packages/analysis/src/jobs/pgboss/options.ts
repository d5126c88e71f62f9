/** The pg-boss queue's settings (config.ts `queue`, ANALYSIS_QUEUE_* in main.ts). */
export interface PgBossQueueOptions {
  kind: 'pg-boss';
  /** PostgreSQL for the jobs (pg-boss keeps them in its own schema `pgboss`); usually ANALYSIS_DATABASE_URL. */
  connectionString: string;
  /**
   * A taken job not finished within this many seconds counts as lost (its worker died or hangs) and
   * is given to another worker. Longer than the slowest analysis group. Default 120.
   */
  expireInSeconds?: number;
  /** Attempts after the first. Default 2; after the last, the group's analyses are FAILED. */
  retryLimit?: number;
  /** Seconds before a failed or expired job is offered again. Default 1. */
  retryDelaySeconds?: number;
  /** How often expired jobs are looked for (the bound on noticing a dead worker). Default 10. */
  maintenanceIntervalSeconds?: number;
  /** Idle workers look for jobs this often besides being woken by NOTIFY. Default 2. */
  pollingIntervalSeconds?: number;
}

export type ResolvedPgBossOptions = Required<PgBossQueueOptions>;

export function resolvePgBossOptions(o: PgBossQueueOptions): ResolvedPgBossOptions {
  const atLeast = (name: string, v: number, min: number) => {
    if (!(Number.isFinite(v) && v >= min))
      throw new RangeError(`${name} must be a number ≥ ${min}, got ${v}`);
    return v;
  };
  if (!o.connectionString) throw new TypeError('the pg-boss queue needs a PostgreSQL connection string');
  return {
    kind: 'pg-boss',
    connectionString: o.connectionString,
    expireInSeconds: Math.trunc(atLeast('expireInSeconds', o.expireInSeconds ?? 120, 1)),
    retryLimit: Math.trunc(atLeast('retryLimit', o.retryLimit ?? 2, 0)),
    retryDelaySeconds: Math.trunc(atLeast('retryDelaySeconds', o.retryDelaySeconds ?? 1, 0)),
    maintenanceIntervalSeconds: Math.trunc(
      atLeast('maintenanceIntervalSeconds', o.maintenanceIntervalSeconds ?? 10, 1),
    ),
    pollingIntervalSeconds: atLeast('pollingIntervalSeconds', o.pollingIntervalSeconds ?? 2, 0.5),
  };
}
