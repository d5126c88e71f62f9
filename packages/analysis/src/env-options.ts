import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisServiceOptions } from './config.js';
import type { PgBossQueueOptions } from './jobs/pgboss/options.js';

/**
 * The environment of the two entry points (main.ts: the API; worker.ts: an analysis worker), read in
 * one place so both understand the same variables. Throws an Error with a message for the operator.
 */
export type Env = Readonly<Record<string, string | undefined>>;

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export const num = (v: string | undefined): number | undefined =>
  v === undefined || v === '' ? undefined : Number(v);

/** Options shared by the API and the workers: models, thresholds, threads, webhooks. */
export function commonOptionsFromEnv(
  env: Env,
): Omit<AnalysisServiceOptions, 'users' | 'storage' | 'queue' | 'tokenSecret'> {
  return {
    dataDir: env.ANALYSIS_DATA_DIR ?? resolve(repoRoot, '.assets/analysis-data'),
    modelsDir: env.LIVENESS_MODELS_DIR ?? resolve(repoRoot, '.assets/models'),
    livenessThreshold: num(env.ANALYSIS_LIVENESS_THRESHOLD),
    biometryThreshold: num(env.ANALYSIS_BIOMETRY_THRESHOLD),
    inferenceThreads: num(env.ANALYSIS_THREADS),
    concurrency: num(env.ANALYSIS_CONCURRENCY),
    publicUrl: env.ANALYSIS_PUBLIC_URL,
    webhookSecret: env.ANALYSIS_WEBHOOK_SECRET,
    webhookAllowPrivateTargets: env.ANALYSIS_WEBHOOK_ALLOW_PRIVATE === 'true',
    maxUploadBytes: num(env.ANALYSIS_MAX_UPLOAD_BYTES),
  };
}

/**
 * ANALYSIS_QUEUE: `in-process` (default) or `pg-boss` (jobs in ANALYSIS_DATABASE_URL, run by workers),
 * tuned by ANALYSIS_JOB_EXPIRE_SECONDS, ANALYSIS_JOB_RETRIES, ANALYSIS_JOB_RETRY_DELAY_SECONDS,
 * ANALYSIS_QUEUE_MAINTENANCE_SECONDS, ANALYSIS_QUEUE_POLL_SECONDS.
 */
export function queueFromEnv(env: Env): { kind: 'in-process' } | PgBossQueueOptions {
  const kind = env.ANALYSIS_QUEUE ?? 'in-process';
  if (kind === 'in-process') {
    const tuned = Object.keys(env).filter(
      (k) => (k.startsWith('ANALYSIS_JOB_') || k.startsWith('ANALYSIS_QUEUE_')) && env[k] !== undefined,
    );
    if (tuned.length) throw new Error(`${tuned.join(', ')} only apply with ANALYSIS_QUEUE=pg-boss`);
    return { kind: 'in-process' };
  }
  if (kind !== 'pg-boss') throw new Error(`ANALYSIS_QUEUE must be "in-process" or "pg-boss", got "${kind}"`);
  const url = env.ANALYSIS_DATABASE_URL;
  if (!url)
    throw new Error('ANALYSIS_QUEUE=pg-boss needs ANALYSIS_DATABASE_URL (the jobs live in PostgreSQL)');
  const opt = (name: string, key: keyof PgBossQueueOptions) => {
    const v = num(env[name]);
    return v === undefined ? {} : { [key]: v };
  };
  return {
    kind: 'pg-boss',
    connectionString: url,
    ...opt('ANALYSIS_JOB_EXPIRE_SECONDS', 'expireInSeconds'),
    ...opt('ANALYSIS_JOB_RETRIES', 'retryLimit'),
    ...opt('ANALYSIS_JOB_RETRY_DELAY_SECONDS', 'retryDelaySeconds'),
    ...opt('ANALYSIS_QUEUE_MAINTENANCE_SECONDS', 'maintenanceIntervalSeconds'),
    ...opt('ANALYSIS_QUEUE_POLL_SECONDS', 'pollingIntervalSeconds'),
  };
}
