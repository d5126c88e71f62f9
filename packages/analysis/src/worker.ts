import { createServer } from 'node:http';
import { commonOptionsFromEnv, type Env, num, queueFromEnv } from './env-options.js';
import { openPostgresStorage } from './storage/postgres/index.js';
import { startAnalysisWorker } from './worker-service.js';

/**
 * Analysis worker entry point: `node dist/worker.js`. Takes jobs from the pg-boss queue in
 * ANALYSIS_DATABASE_URL (ANALYSIS_QUEUE defaults to pg-boss here) and runs them; no API. The same
 * variables as main.ts for models, thresholds and the queue; ANALYSIS_WORKER_HEALTH_PORT (optional)
 * serves `GET /healthz` for a liveness probe. SIGTERM: stop taking jobs, finish the running ones
 * (up to ANALYSIS_WORKER_GRACE_MS, default 30000), then hand the rest back to the queue.
 */
const env: Env = { ANALYSIS_QUEUE: 'pg-boss', ...process.env };

let queue: ReturnType<typeof queueFromEnv>;
try {
  queue = queueFromEnv(env);
  if (queue.kind !== 'pg-boss')
    throw new Error('a worker takes jobs from pg-boss: set ANALYSIS_QUEUE=pg-boss');
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const storage = await openPostgresStorage({ connectionString: queue.connectionString });
const worker = await startAnalysisWorker({ ...commonOptionsFromEnv(env), storage, queue });
console.log(JSON.stringify({ level: 'info', msg: 'analysis worker started', pid: process.pid }));

const healthPort = num(env.ANALYSIS_WORKER_HEALTH_PORT);
const health =
  healthPort === undefined
    ? undefined
    : createServer((req, res) => {
        const ok = req.url === '/healthz';
        res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(ok ? { status: 'ok' } : { error: 'not found' }));
      }).listen(healthPort, env.ANALYSIS_HOST ?? '127.0.0.1');

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  health?.close();
  void worker.close(num(env.ANALYSIS_WORKER_GRACE_MS)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(JSON.stringify({ level: 'error', msg: 'worker shutdown', err: (err as Error).message }));
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
