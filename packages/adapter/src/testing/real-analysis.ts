import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createOzApiClient, type OzApiClient } from '../api-client/index.js';
import { type EmbeddedAnalysis, startEmbeddedAnalysis } from '../runtime/embedded-analysis.js';
import { MODELS_DIR } from './assets.js';

export interface RealAnalysis {
  readonly service: EmbeddedAnalysis;
  /** An API client logged in to the service with its generated credentials. */
  readonly api: OzApiClient;
  close(): Promise<void>;
}

/** The REAL embedded analysis service (real models) in a fresh temp data folder, for contract tests. */
export async function startRealAnalysis(): Promise<RealAnalysis> {
  const dir = mkdtempSync(join(tmpdir(), 'adapter-analysis-'));
  const service = await startEmbeddedAnalysis({
    dataDir: dir,
    modelsDir: MODELS_DIR,
    port: 0,
    logger: pino({ level: 'silent' }),
  });
  return {
    service,
    api: createOzApiClient({ baseUrl: service.baseUrl, auth: { credentials: service.credentials } }),
    async close() {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
