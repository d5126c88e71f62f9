import { commonOptionsFromEnv, num, queueFromEnv } from './env-options.js';
import { createAnalysisService } from './index.js';
import { resolvePgBossOptions } from './jobs/pgboss/options.js';
import { openPostgresStorage } from './storage/postgres/index.js';

/**
 * Standalone entry point (the API). Everything comes from the environment so the same build runs in
 * a container or next to the adapter:
 *   ANALYSIS_PORT (8090), ANALYSIS_HOST (127.0.0.1), ANALYSIS_DATA_DIR (<repo>/.assets/analysis-data, git-ignored),
 *   LIVENESS_MODELS_DIR (<repo>/.assets/models), ANALYSIS_USER / ANALYSIS_PASSWORD,
 *   ANALYSIS_TOKEN_SECRET, ANALYSIS_LIVENESS_THRESHOLD, ANALYSIS_BIOMETRY_THRESHOLD,
 *   ANALYSIS_PUBLIC_URL, ANALYSIS_THREADS, ANALYSIS_CONCURRENCY, ANALYSIS_WEBHOOK_SECRET,
 *   ANALYSIS_WEBHOOK_ALLOW_PRIVATE (true/false), ANALYSIS_MAX_UPLOAD_BYTES,
 *   ANALYSIS_DATABASE_URL (a PostgreSQL connection string: records and blobs live there, shared by every
 *   instance, instead of SQLite + files in ANALYSIS_DATA_DIR),
 *   ANALYSIS_QUEUE (in-process | pg-boss) and its ANALYSIS_JOB_* / ANALYSIS_QUEUE_* (env-options.ts):
 *   with pg-boss this process only queues analyses; `node dist/worker.js` processes run them.
 */
const env = process.env;

const password = env.ANALYSIS_PASSWORD;
if (!password) {
  console.error('ANALYSIS_PASSWORD is required (the API account password).');
  process.exit(1);
}

let queue: ReturnType<typeof queueFromEnv>;
try {
  queue = queueFromEnv(env);
  if (queue.kind === 'pg-boss') resolvePgBossOptions(queue);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const storage = env.ANALYSIS_DATABASE_URL
  ? await openPostgresStorage({ connectionString: env.ANALYSIS_DATABASE_URL })
  : undefined;

const service = await createAnalysisService({
  ...commonOptionsFromEnv(env),
  ...(storage ? { storage } : {}),
  queue,
  users: [{ email: env.ANALYSIS_USER ?? 'service@open-liveness.local', password }],
  tokenSecret: env.ANALYSIS_TOKEN_SECRET,
});

const port = num(env.ANALYSIS_PORT) ?? 8090;
const host = env.ANALYSIS_HOST ?? '127.0.0.1';
const server = service.app.listen(port, host, () => {
  console.log(
    JSON.stringify({ level: 'info', msg: 'analysis service listening', host, port, queue: queue.kind }),
  );
});

const shutdown = () => {
  server.close(() => {
    void service.close().then(() => process.exit(0));
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
