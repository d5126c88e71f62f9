import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { decodeLicense } from '@open-liveness/trust';
import type { Logger } from 'pino';
import { apiClientOptionsFromConfig, createOzApiClient, type OzApiClient } from '../api-client/index.js';
import { appOriginPolicy, createApp } from '../app.js';
import { PendingReplayer } from '../capture/replayer.js';
import type { AdapterConfig } from '../config/index.js';
import { resolveContainerKeys } from '../container/keys.js';
import { createMetrics } from '../http/metrics.js';
import type { InstallPaths } from '../paths.js';
import { localFolderReader } from '../results/local-folders.js';
import { generateSessionSecret } from '../session/token.js';
import { type AdapterState, openRedisAdapterState } from '../state/index.js';
import { versions } from '../version.js';
import { type EmbeddedAnalysis, startEmbeddedAnalysis } from './embedded-analysis.js';
import { installedLicense } from './license.js';

export interface StartOptions {
  readonly config: AdapterConfig;
  readonly paths: InstallPaths;
  readonly log: Logger;
  readonly nodeEnv?: string | undefined;
  /**
   * How long close() lets requests in flight finish before cutting their connections. A SIGTERM must
   * stop the adapter promptly even when a browser holds a connection open.
   */
  readonly shutdownGraceMs?: number;
}

const DEFAULT_SHUTDOWN_GRACE_MS = 5_000;

export interface RunningAdapter {
  readonly server: Server;
  readonly url: string;
  readonly embedded: EmbeddedAnalysis | undefined;
  close(): Promise<void>;
}

/**
 * Everything `main` does after the configuration is valid: licence, embedded analysis service, API
 * client, app, listen. Throws (with a message for the operator) when a dependency cannot start.
 */
export async function startAdapter({
  config,
  paths,
  log,
  nodeEnv,
  shutdownGraceMs = DEFAULT_SHUTDOWN_GRACE_MS,
}: StartOptions): Promise<RunningAdapter> {
  const license = installedLicense(config);
  if (!license.ok) throw new Error(license.message);
  logLicense(log, license.settings.installed);
  const originPolicy = appOriginPolicy(config, license.settings);
  log.info(originPolicy.describe());
  const dataDir = config.data_dir ?? join(paths.assetsDir, 'adapter-data');
  const talksToApi = config.architecture !== 'capture';
  // Resolved before anything starts: an unusable configured key stops the start with its name.
  const containerKeys = config.use_wasm_container
    ? await resolveContainerKeys(config.container_private_key, log.child({ component: 'container' }))
    : undefined;

  // Shared state first: an unreachable Redis stops the start before models load.
  const state: AdapterState | undefined =
    config.redis_url !== undefined
      ? await openRedisAdapterState(config.redis_url, config.redis_key_prefix)
      : undefined;
  if (state) log.info({ prefix: config.redis_key_prefix }, 'shared state in Redis');

  let embedded: EmbeddedAnalysis | undefined;
  if (talksToApi && config.analysis.embedded) {
    embedded = await startEmbeddedAnalysis({
      dataDir: config.analysis.data_dir ?? join(paths.assetsDir, 'analysis-data'),
      modelsDir: join(paths.assetsDir, 'models'),
      port: config.analysis.port,
      logger: log.child({ component: 'analysis' }),
    });
    log.info({ url: embedded.baseUrl }, 'embedded analysis service started');
  }
  let api: OzApiClient | undefined;
  if (talksToApi) {
    const options = apiClientOptionsFromConfig(
      config,
      embedded ? { baseUrl: embedded.baseUrl, auth: { credentials: embedded.credentials } } : {},
    );
    if (options) api = createOzApiClient({ ...options, logger: log.child({ component: 'api-client' }) });
  }
  // Uploads kept in pending/ by an earlier run go to the API once the adapter listens.
  const pending = api ? new PendingReplayer(dataDir, api, log.child({ component: 'pending' })) : undefined;
  const sessionSecret = config.session_secret ?? generateSessionSecret();
  if (config.session_secret === undefined) {
    log.warn('session_secret not set: generated one; sessions do not survive a restart or span adapters');
  }
  const app = createApp({
    paths,
    log,
    config,
    api,
    sessionSecret,
    dataDir,
    license: license.settings,
    originPolicy,
    metrics: createMetrics({ processMetrics: true }),
    nodeEnv,
    versions: versions(),
    ...(embedded
      ? { analysisReady: () => embedded.ready(), localFolders: localFolderReader(embedded.readFolder) }
      : {}),
    ...(containerKeys ? { containerKeys } : {}),
    ...(state ? { state } : {}),
    ...(pending ? { pending } : {}),
  });
  const server = app.listen(config.port, config.host);
  try {
    await once(server, 'listening');
  } catch (err) {
    await embedded?.close();
    await state?.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  void pending?.trigger();
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    embedded,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => {
        log.warn(
          { graceMs: shutdownGraceMs },
          'shutdown: cutting connections still open after the grace period',
        );
        server.closeAllConnections();
      }, shutdownGraceMs);
      await closed;
      clearTimeout(cut);
      await pending?.idle();
      await embedded?.close();
      await state?.close();
    },
  };
}

/** The installed licence's payload at start (who, which origins, until when); never its signature. */
function logLicense(log: Logger, installed: unknown): void {
  if (installed === undefined) {
    log.info('no licence installed');
    return;
  }
  const decoded = decodeLicense(installed);
  if (!decoded.ok) {
    log.warn({ code: decoded.code }, `installed licence is unreadable: ${decoded.message}`);
    return;
  }
  log.info({ license: decoded.value.payload }, 'licence installed');
}
