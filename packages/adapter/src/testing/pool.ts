import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalysisService, openPostgresStorage, type PgBossQueueOptions } from '@open-liveness/analysis';
import { startTestPostgres, type TestPostgres } from '@open-liveness/analysis/testing/postgres';
import pino from 'pino';
import { MODELS_DIR } from './assets.js';
import { startTestRedis, type TestRedis } from './redis-server.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Short expiry and fast maintenance, so a lost job comes back within seconds in a test. */
export const POOL_QUEUE_ENV = {
  ANALYSIS_QUEUE: 'pg-boss',
  ANALYSIS_JOB_EXPIRE_SECONDS: '8',
  ANALYSIS_JOB_RETRIES: '5',
  ANALYSIS_JOB_RETRY_DELAY_SECONDS: '0',
  ANALYSIS_QUEUE_MAINTENANCE_SECONDS: '1',
  ANALYSIS_QUEUE_POLL_SECONDS: '0.5',
} as const;

export const POOL_API_CREDENTIALS = {
  email: 'pool@open-liveness.local',
  password: 'pool-test-password-0123',
};

/** One analysis worker process (`packages/analysis/src/worker.ts`, run from sources with tsx). */
export interface WorkerProcess {
  readonly pid: number;
  /** Group ids this worker logged as taken. */
  readonly taken: string[];
  /** Resolves with the first group this worker takes after the call. */
  nextTaken(): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startWorkerProcess(databaseUrl: string, dataDir: string): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'packages/analysis/src/worker.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...POOL_QUEUE_ENV,
        ANALYSIS_DATABASE_URL: databaseUrl,
        ANALYSIS_DATA_DIR: dataDir,
        LIVENESS_MODELS_DIR: MODELS_DIR,
        ANALYSIS_CONCURRENCY: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const taken: string[] = [];
  const waiters: ((groupId: string) => void)[] = [];
  const logs: string[] = [];
  let buffered = '';
  let started: () => void = () => {};
  const ready = new Promise<void>((r) => {
    started = r;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (logs.length < 200) logs.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; group_id?: string };
        if (entry.msg === 'analysis worker started') started();
        if (entry.msg === 'analysis group taken' && entry.group_id) {
          taken.push(entry.group_id);
          for (const w of waiters.splice(0)) w(entry.group_id);
        }
      } catch {
        // not a log line
      }
    }
  });
  child.stderr?.on('data', (c: Buffer) => logs.length < 200 && logs.push(c.toString()));
  const exited = once(child, 'exit');
  await Promise.race([
    ready,
    exited.then(() => {
      throw new Error(`analysis worker exited during start:\n${logs.join('\n')}`);
    }),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`analysis worker did not start:\n${logs.join('\n')}`)), 90_000),
    ),
  ]);
  return {
    pid: child.pid ?? -1,
    taken,
    nextTaken: () => new Promise((r) => waiters.push(r)),
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** PostgreSQL, Redis and one analysis API instance that only queues (pg-boss); workers come separately. */
export interface PoolBackends {
  readonly postgres: TestPostgres;
  readonly redis: TestRedis;
  /** Base URL of the analysis API. */
  readonly apiUrl: string;
  readonly dataDir: string;
  /** Reads records straight from the shared PostgreSQL. */
  readonly storage: Awaited<ReturnType<typeof openPostgresStorage>>;
  close(): Promise<void>;
}

export async function startPoolBackends(): Promise<PoolBackends> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pool-test-'));
  const [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
  const queue: PgBossQueueOptions = {
    kind: 'pg-boss',
    connectionString: postgres.url,
    expireInSeconds: Number(POOL_QUEUE_ENV.ANALYSIS_JOB_EXPIRE_SECONDS),
    retryLimit: Number(POOL_QUEUE_ENV.ANALYSIS_JOB_RETRIES),
    retryDelaySeconds: 0,
    maintenanceIntervalSeconds: 1,
    pollingIntervalSeconds: 0.5,
  };
  const service = await createAnalysisService({
    storage: await openPostgresStorage({ connectionString: postgres.url }),
    queue,
    dataDir,
    modelsDir: MODELS_DIR,
    users: [POOL_API_CREDENTIALS],
    logger: pino({ level: 'silent' }),
  });
  const server: Server = service.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const storage = await openPostgresStorage({ connectionString: postgres.url });
  return {
    postgres,
    redis,
    apiUrl: `http://127.0.0.1:${port}`,
    dataDir,
    storage,
    async close() {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      await service.close();
      await storage.close();
      await redis.stop();
      postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
