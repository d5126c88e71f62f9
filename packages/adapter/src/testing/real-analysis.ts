import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createOzApiClient, type OzApiClient, type OzFolder, TOKEN_HEADER } from '../api-client/index.js';
import { type EmbeddedAnalysis, startEmbeddedAnalysis } from '../runtime/embedded-analysis.js';
import { MODELS_DIR } from './assets.js';

export interface RealAnalysis {
  readonly service: EmbeddedAnalysis;
  /** Every folder whose metadata has `key==value`, read from the service directly (not through the adapter). */
  foldersWithMeta(key: string, value: string): Promise<OzFolder[]>;
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
  let token: Promise<string> | undefined;
  return {
    service,
    api: createOzApiClient({ baseUrl: service.baseUrl, auth: { credentials: service.credentials } }),
    async foldersWithMeta(key, value) {
      // Logged in once: the service limits logins per client.
      token ??= fetch(`${service.baseUrl}/api/authorize/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentials: service.credentials }),
      }).then(async (login) => ((await login.json()) as { access_token: string }).access_token);
      const access_token = await token;
      const query = new URLSearchParams({ meta_data: `${key}==${value}`, with_analyses: 'true' });
      const res = await fetch(`${service.baseUrl}/api/folders/?${query}`, {
        headers: { [TOKEN_HEADER]: access_token },
      });
      if (res.status !== 200) throw new Error(`folder list: HTTP ${res.status}`);
      return ((await res.json()) as { items: OzFolder[] }).items;
    },
    async close() {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
