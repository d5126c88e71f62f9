import { runnerDepsFrom } from './app.js';
import { type AnalysisServiceOptions, resolveOptions } from './config.js';
import { TesseractMrzOcr } from './documents/ocr.js';
import { type PgBossQueueOptions, resolvePgBossOptions } from './jobs/pgboss/options.js';
import { AnalysisWorker } from './jobs/pgboss/worker.js';
import { AnalysisRunner } from './jobs/runner.js';
import { consoleLogger } from './logger.js';
import { FaceEngine } from './models/engine.js';
import { engineWorkerAvailable, FaceEnginePool, type FaceToolkit } from './models/pool.js';
import type { Storage } from './storage/types.js';

export interface AnalysisWorkerService {
  /**
   * Stops taking jobs, lets running ones finish within `graceMs` (default 30 s; after it they count
   * as failed and are retried elsewhere), releases models and storage.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * An analysis worker: the models and the job runner, no HTTP API. It takes analysis groups from the
 * pg-boss queue that analysis service instances (`queue: { kind: 'pg-boss' }`) fill. Start as many
 * as the machines allow; they share the PostgreSQL `storage`.
 */
export async function startAnalysisWorker(
  options: Omit<AnalysisServiceOptions, 'queue' | 'storage' | 'users'> & {
    queue: PgBossQueueOptions;
    storage: Storage;
  },
): Promise<AnalysisWorkerService> {
  const o = resolveOptions({ ...options, users: [] });
  resolvePgBossOptions(options.queue);
  const logger = options.logger ?? consoleLogger;
  const engine: FaceToolkit = engineWorkerAvailable()
    ? await FaceEnginePool.start(
        o.concurrency,
        { modelsDir: o.modelsDir, threads: o.inferenceThreads },
        { onError: (e) => logger.error({ err: e.message }, 'inference worker lost; replaced') },
      )
    : await FaceEngine.load(o.modelsDir, o.inferenceThreads);
  const ocr = new TesseractMrzOcr();
  const deps = runnerDepsFrom(o, engine, ocr, logger);
  const runner = new AnalysisRunner({ ...deps, storage: options.storage });
  let worker: AnalysisWorker;
  try {
    worker = await AnalysisWorker.start({
      queue: options.queue,
      runner,
      storage: options.storage,
      logger,
      concurrency: deps.concurrency ?? 1,
    });
  } catch (err) {
    await engine.close();
    await ocr.close();
    throw err;
  }
  let closed = false;
  return {
    async close(graceMs) {
      if (closed) return;
      closed = true;
      await worker.close(graceMs);
      await engine.close();
      await ocr.close();
      await options.storage.close();
    },
  };
}
