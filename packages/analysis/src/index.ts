import type { Express } from 'express';
import { buildApp } from './app.js';
import { type AnalysisServiceOptions, resolveOptions } from './config.js';
import { consoleLogger } from './logger.js';
import { FaceEngine } from './models/engine.js';
import { openDefaultStorage } from './storage/index.js';

export interface AnalysisService {
  app: Express;
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
  const engine = await FaceEngine.load(o.modelsDir, o.inferenceThreads);
  const storage = options.storage ?? openDefaultStorage(o.dataDir);
  const { app, runner } = buildApp(o, storage, engine, logger);
  // Analyses a restart interrupted are run again instead of staying PROCESSING forever.
  await runner.resumeInterrupted();
  let closed = false;
  return {
    app,
    async close() {
      if (closed) return;
      closed = true;
      await runner.idle();
      await engine.close();
      await storage.close();
    },
  };
}

export type { UserConfig } from './auth/users.js';
export type { AnalysisServiceOptions } from './config.js';
export type { Logger } from './logger.js';
export { REQUIRED_MODEL_FILES } from './models/engine.js';
export type { BlobStore, FolderQuery, MetadataStore, Storage } from './storage/index.js';
