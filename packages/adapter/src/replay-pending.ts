import { join } from 'node:path';
import pino from 'pino';
import { apiClientOptionsFromConfig, createOzApiClient, type OzApiClient } from './api-client/index.js';
import { listPending, replayPending } from './capture/replay.js';
import { formatConfigError } from './config/index.js';
import { installPaths } from './paths.js';
import type { EmbeddedAnalysis } from './runtime/embedded-analysis.js';
import { loadAdapterConfig } from './runtime/load-config.js';

/*
 * `pnpm pending:replay [--dry-run]`: sends the uploads kept in `<data_dir>/pending/` (the API was
 * down when they came) to the configured analysis API and removes each one the API now holds.
 * Same configuration as the adapter (OZ_ADAPTER_CONFIG_PATH, OZ_ADAPTER_* variables). With the
 * embedded analysis service it starts that service on its data directory, so run it while the
 * adapter is stopped; a running adapter replays by itself at start and when the API recovers.
 * Exit status: 0 nothing left, 2 uploads still kept (the API is still failing), 1 an error.
 */
const dryRun = process.argv.includes('--dry-run');
const unknown = process.argv.slice(2).filter((a) => a !== '--dry-run');
if (unknown.length) {
  process.stderr.write(`unknown argument ${unknown[0]}\nusage: pnpm pending:replay [--dry-run]\n`);
  process.exit(1);
}
const loaded = loadAdapterConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${formatConfigError(loaded.error)}\n(configuration file: ${loaded.path})\n`);
  process.exit(1);
}
const { config } = loaded;
const paths = installPaths();
const dataDir = config.data_dir ?? join(paths.assetsDir, 'adapter-data');
const kept = await listPending(dataDir);
process.stdout.write(`${kept.length} upload(s) kept in ${join(dataDir, 'pending')}\n`);
for (const id of kept) process.stdout.write(`  ${id}\n`);
if (dryRun || kept.length === 0) process.exit(0);
if (config.architecture === 'capture') {
  process.stderr.write('architecture is "capture": this adapter talks to no analysis API\n');
  process.exit(1);
}

let embedded: EmbeddedAnalysis | undefined;
let api: OzApiClient | undefined;
try {
  if (config.analysis.embedded) {
    // Loaded only here: the analysis service and its models are heavy, an external API needs neither.
    const { startEmbeddedAnalysis } = await import('./runtime/embedded-analysis.js');
    embedded = await startEmbeddedAnalysis({
      dataDir: config.analysis.data_dir ?? join(paths.assetsDir, 'analysis-data'),
      modelsDir: join(paths.assetsDir, 'models'),
      port: 0,
      logger: pino({ level: 'warn' }),
    });
  }
  const options = apiClientOptionsFromConfig(
    config,
    embedded ? { baseUrl: embedded.baseUrl, auth: { credentials: embedded.credentials } } : {},
  );
  if (options === undefined) throw new Error('no api_url configured');
  api = createOzApiClient(options);
  const report = await replayPending({ dataDir, api });
  for (const r of report.replayed)
    process.stdout.write(`replayed ${r.id} → folder ${r.folderId}${r.resumed ? ' (resumed)' : ''}\n`);
  for (const r of report.setAside)
    process.stdout.write(`set aside ${r.id}: ${r.code} ${r.message} (see pending-rejected/)\n`);
  if (report.stoppedBy)
    process.stdout.write(`stopped: ${report.stoppedBy.code} ${report.stoppedBy.cause ?? ''}\n`);
  process.stdout.write(
    `replayed ${report.replayed.length}, set aside ${report.setAside.length}, still kept ${report.remaining}\n`,
  );
  await embedded?.close();
  process.exit(report.remaining > 0 ? 2 : 0);
} catch (err) {
  process.stderr.write(`pending replay failed: ${(err as Error).message}\n`);
  await embedded?.close().catch(() => undefined);
  process.exit(1);
}
