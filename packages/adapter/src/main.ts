import { existsSync } from 'node:fs';
import { formatConfigError, redactConfig } from './config/index.js';
import { createAdapterLogger } from './http/log-redaction.js';
import { installPaths } from './paths.js';
import { loadAdapterConfig } from './runtime/load-config.js';
import { startAdapter } from './runtime/start.js';
import { versions } from './version.js';

const log = createAdapterLogger();
const loaded = loadAdapterConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${formatConfigError(loaded.error)}\n(configuration file: ${loaded.path})\n`);
  process.exit(1);
}
for (const w of loaded.warnings) log.warn({ key: w.key }, w.message);
const paths = installPaths();
// The original adapter prints its versions and effective configuration at start; secrets masked.
log.info(
  {
    versions: versions(),
    config: redactConfig(loaded.config),
    file: existsSync(loaded.path) ? loaded.path : null,
    paths,
  },
  'configuration',
);

try {
  const adapter = await startAdapter({ config: loaded.config, paths, log, nodeEnv: process.env.NODE_ENV });
  log.info({ url: adapter.url }, 'adapter started');
  process.stdout.write(`\nopen-liveness adapter: ${adapter.url}\n\n`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    adapter.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (err) {
  log.fatal({ err }, 'adapter could not start');
  process.exit(1);
}
