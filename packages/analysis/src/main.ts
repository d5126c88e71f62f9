import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalysisService } from './index.js';
import { openPostgresStorage } from './storage/postgres/index.js';

/**
 * Standalone entry point. Everything comes from the environment so the same build runs in a
 * container or next to the adapter:
 *   ANALYSIS_PORT (8090), ANALYSIS_HOST (127.0.0.1), ANALYSIS_DATA_DIR (<repo>/.assets/analysis-data, git-ignored),
 *   LIVENESS_MODELS_DIR (<repo>/.assets/models), ANALYSIS_USER / ANALYSIS_PASSWORD,
 *   ANALYSIS_TOKEN_SECRET, ANALYSIS_LIVENESS_THRESHOLD, ANALYSIS_BIOMETRY_THRESHOLD,
 *   ANALYSIS_PUBLIC_URL, ANALYSIS_THREADS, ANALYSIS_CONCURRENCY, ANALYSIS_WEBHOOK_SECRET,
 *   ANALYSIS_WEBHOOK_ALLOW_PRIVATE (true/false), ANALYSIS_MAX_UPLOAD_BYTES,
 *   ANALYSIS_DATABASE_URL (a PostgreSQL connection string: records and blobs live there, shared by every
 *   instance, instead of SQLite + files in ANALYSIS_DATA_DIR).
 */
const env = process.env;
const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const num = (v: string | undefined): number | undefined =>
  v === undefined || v === '' ? undefined : Number(v);

const password = env.ANALYSIS_PASSWORD;
if (!password) {
  console.error('ANALYSIS_PASSWORD is required (the API account password).');
  process.exit(1);
}

const storage = env.ANALYSIS_DATABASE_URL
  ? await openPostgresStorage({ connectionString: env.ANALYSIS_DATABASE_URL })
  : undefined;

const service = await createAnalysisService({
  ...(storage ? { storage } : {}),
  dataDir: env.ANALYSIS_DATA_DIR ?? resolve(repoRoot, '.assets/analysis-data'),
  modelsDir: env.LIVENESS_MODELS_DIR ?? resolve(repoRoot, '.assets/models'),
  users: [{ email: env.ANALYSIS_USER ?? 'service@open-liveness.local', password }],
  livenessThreshold: num(env.ANALYSIS_LIVENESS_THRESHOLD),
  biometryThreshold: num(env.ANALYSIS_BIOMETRY_THRESHOLD),
  inferenceThreads: num(env.ANALYSIS_THREADS),
  concurrency: num(env.ANALYSIS_CONCURRENCY),
  tokenSecret: env.ANALYSIS_TOKEN_SECRET,
  publicUrl: env.ANALYSIS_PUBLIC_URL,
  webhookSecret: env.ANALYSIS_WEBHOOK_SECRET,
  webhookAllowPrivateTargets: env.ANALYSIS_WEBHOOK_ALLOW_PRIVATE === 'true',
  maxUploadBytes: num(env.ANALYSIS_MAX_UPLOAD_BYTES),
});

const port = num(env.ANALYSIS_PORT) ?? 8090;
const host = env.ANALYSIS_HOST ?? '127.0.0.1';
const server = service.app.listen(port, host, () => {
  console.log(JSON.stringify({ level: 'info', msg: 'analysis service listening', host, port }));
});

const shutdown = () => {
  server.close(() => {
    void service.close().then(() => process.exit(0));
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
