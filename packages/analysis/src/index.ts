import type { Express } from 'express';
import { buildApp } from './app.js';
import { type AnalysisServiceOptions, resolveOptions } from './config.js';
import { TesseractMrzOcr } from './documents/ocr.js';
import type { JsonObject } from './domain/types.js';
import { PgBossQueue } from './jobs/pgboss/producer.js';
import { consoleLogger } from './logger.js';
import { FaceEngine } from './models/engine.js';
import { engineWorkerAvailable, FaceEnginePool, type FaceToolkit } from './models/pool.js';
import { openDefaultStorage } from './storage/index.js';

export interface AnalysisService {
  app: Express;
  /**
   * The folder exactly as `GET /api/folders/{id}` answers it, read from the hot-state cache (for
   * an adapter in the same process: no HTTP, no token). Null when the folder does not exist.
   */
  readFolder(folderId: string): Promise<JsonObject | null>;
  /** Waits for queued analyses and webhook deliveries, then releases models and storage. */
  close(): Promise<void>;
}

/**
 * Builds the Oz-API-compatible analysis service. Loads every model up front so a missing file
 * fails start-up, not the first analysis. The caller owns `listen()`.
 */
export async function createAnalysisService(options: AnalysisServiceOptions): Promise<AnalysisService> {
  const o = resolveOptions(options);
  const logger = options.logger ?? consoleLogger;
  // Compiled (dist): models in `concurrency` worker threads. From sources (tests): in this thread.
  const engine: FaceToolkit = engineWorkerAvailable()
    ? await FaceEnginePool.start(
        o.concurrency,
        { modelsDir: o.modelsDir, threads: o.inferenceThreads },
        { onError: (e) => logger.error({ err: e.message }, 'inference worker lost; replaced') },
      )
    : await FaceEngine.load(o.modelsDir, o.inferenceThreads);
  const storage = options.storage ?? openDefaultStorage(o.dataDir);
  // The OCR worker starts on the first documents analysis, not here: most deployments never run one.
  const ocr = new TesseractMrzOcr();
  const shared =
    options.queue?.kind === 'pg-boss' ? await PgBossQueue.start(options.queue, storage, logger) : undefined;
  const { app, queue, folders, instant } = buildApp(o, storage, engine, logger, ocr, shared);
  // In process: analyses a restart interrupted are run again instead of staying PROCESSING forever.
  // With pg-boss the workers own that (expiry, retries, their sweep), since other instances still run.
  if (!shared) await queue.resumeInterrupted();
  let closed = false;
  return {
    app,
    async readFolder(folderId) {
      const folder = await storage.meta.getFolder(folderId);
      return folder ? folders.view(folder) : null;
    },
    async close() {
      if (closed) return;
      closed = true;
      await instant.idle();
      await queue.close();
      await engine.close();
      await ocr.close();
      await storage.close();
    },
  };
}

export type { UserConfig } from './auth/users.js';
export type { AnalysisServiceOptions } from './config.js';
export type { PgBossQueueOptions } from './jobs/pgboss/options.js';
export type { Logger } from './logger.js';
export { REQUIRED_MODEL_FILES } from './models/engine.js';
export type { BlobStore, FolderQuery, MetadataStore, Storage } from './storage/index.js';
export { openPostgresStorage, type PostgresStorageOptions } from './storage/postgres/index.js';
export { type AnalysisWorkerService, startAnalysisWorker } from './worker-service.js';
