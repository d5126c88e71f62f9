import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { OzApiClient } from './api-client/index.js';
import { PendingReplayer } from './capture/replayer.js';
import type { AdapterConfig } from './config/index.js';
import type { ContainerKeys } from './container/keys.js';
import { createContainerRuntime } from './container/runtime.js';
import { apiOrigin } from './http/api-origin.js';
import { cors } from './http/cors.js';
import { errorHandler } from './http/errors.js';
import { type AdapterMetrics, createMetrics, requestMetrics } from './http/metrics.js';
import { rateLimits } from './http/rate-limit.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security.js';
import type { LicenseSettings } from './licensing/for-request.js';
import { createOriginPolicy, type OriginPolicy } from './licensing/origin-policy.js';
import type { InstallPaths } from './paths.js';
import { checkLicenseRouter } from './routes/check-license.js';
import { containerRouter } from './routes/container.js';
import { debugRouter } from './routes/debug.js';
import { demoRouter } from './routes/demo.js';
import { demoVerdictRouter } from './routes/demo-verdict.js';
import type { LocalFolderReader, ProtocolDeps } from './routes/deps.js';
import { healthRouter } from './routes/health.js';
import { liteProxy } from './routes/lite-proxy.js';
import { mediaRouter } from './routes/media.js';
import { metricsRouter } from './routes/metrics.js';
import { pluginAssetsRouter } from './routes/plugin-assets.js';
import { resultRouter } from './routes/result.js';
import { sessionTokenRouter } from './routes/session-token.js';
import { sessionsRouter } from './routes/sessions.js';
import { telemetryRouter } from './routes/telemetry.js';
import { uploadCheckGate } from './routes/upload-checks.js';
import { type AdapterState, memoryAdapterState } from './state/index.js';
import { versions as readVersions, type Versions } from './version.js';

export interface AppDeps {
  readonly paths: InstallPaths;
  readonly log: Logger;
  readonly config: AdapterConfig;
  /** The analysis API client; absent in `capture` architecture. */
  readonly api?: OzApiClient | undefined;
  /** HMAC secret of session tokens (`session_secret`, or generated at start). */
  readonly sessionSecret: string;
  /** Adapter data directory (pending uploads). */
  readonly dataDir: string;
  readonly license: LicenseSettings;
  readonly metrics?: AdapterMetrics;
  readonly nodeEnv?: string | undefined;
  /** Readiness of the embedded analysis service, when one runs in-process. */
  readonly analysisReady?: () => Promise<boolean>;
  readonly versions?: Versions;
  readonly now?: () => Date;
  /** The container key pair; required when `use_wasm_container` is on (resolved at start). */
  readonly containerKeys?: ContainerKeys;
  /**
   * What the adapter remembers between requests (upload-once and replay keys, rate-limit counters,
   * finished results): in this process by default, in Redis for a pool (state/).
   */
  readonly state?: AdapterState;
  /** The API's origin policy; derived from the licence and `cors.origins` when absent. */
  readonly originPolicy?: OriginPolicy;
  /** Result reads without the API round trip (the embedded analysis service's hot state). */
  readonly localFolders?: LocalFolderReader;
  /** Replays `pending/` after a recovery; built here from `api` and `dataDir` when not given. */
  readonly pending?: PendingReplayer;
}

/** The adapter's HTTP surface. Pure wiring: every route lives in its own module. */
export function createApp(deps: AppDeps): Express {
  const { config, log } = deps;
  const metrics = deps.metrics ?? createMetrics();
  const now = deps.now ?? (() => new Date());
  const state = deps.state ?? memoryAdapterState(() => now().getTime());
  if (config.use_wasm_container && deps.containerKeys === undefined) {
    // A wiring mistake, not a runtime condition: startAdapter always resolves the keys first.
    throw new Error('use_wasm_container is on but no container keys were given to createApp');
  }
  const container =
    config.use_wasm_container && deps.containerKeys !== undefined
      ? createContainerRuntime(deps.containerKeys, deps.sessionSecret, now, state.containerTokens)
      : undefined;
  const api = config.architecture === 'capture' ? undefined : deps.api;
  const pending =
    api === undefined
      ? undefined
      : (deps.pending ?? new PendingReplayer(deps.dataDir, api, log.child({ component: 'pending' })));
  const protocol: ProtocolDeps = {
    config,
    log,
    metrics,
    api,
    sessionSecret: deps.sessionSecret,
    uploadedSessions: state.uploadedSessions,
    results: state.results,
    container,
    dataDir: deps.dataDir,
    pending,
    license: deps.license,
    nodeEnv: deps.nodeEnv,
    now,
    localFolders: deps.localFolders,
    uploadChecks: uploadCheckGate(),
  };
  const app = express();
  app.disable('x-powered-by');
  // No ETag on res.json/res.send: the API's answers are dynamic (result polls are no-store) and hashing
  // every body cost about 3 ms per session of polls; the plugin assets set their own strong ETag.
  app.set('etag', false);
  // Behind a TLS-terminating proxy req.secure and req.ip come from X-Forwarded-*, believed only from the
  // proxies of `trust_proxy` (loopback by default).
  app.set('trust proxy', config.trust_proxy);
  app.use(requestLog(log));
  app.use(requestMetrics(metrics));
  app.use(securityHeaders(config));
  const originPolicy = deps.originPolicy ?? appOriginPolicy(config, deps.license);
  app.use(apiOrigin({ policy: originPolicy, sessionSecret: deps.sessionSecret, now }));
  app.use(cors(config.cors.origins));
  // After the origin policy, so a 429 carries CORS headers and the page reads its code.
  const limits = rateLimits(config.rate_limits, state.rateLimitStores);
  app.post('/api/v1/sessions', limits.sessions);
  app.post('/api/v1/sessions/:session/media', limits.uploads);
  app.post('/api/v1/sessions/:session/container', limits.uploads);
  app.use(
    healthRouter(deps.paths, {
      ...(deps.analysisReady ? { analysisReady: deps.analysisReady } : {}),
      ...(state.kind === 'redis' ? { stateReady: () => state.ready() } : {}),
    }),
  );
  app.use(metricsRouter(metrics));
  app.use(checkLicenseRouter(deps.license));
  app.use(debugRouter(config, deps.versions ?? readVersions(), deps.license));
  app.use(sessionsRouter(protocol));
  app.use(mediaRouter(protocol));
  app.use(containerRouter(protocol));
  app.use(sessionTokenRouter(protocol));
  app.use(resultRouter(protocol));
  app.use(telemetryRouter(protocol));
  app.use(demoVerdictRouter(protocol));
  if (config.architecture === 'lite' && config.api_url !== undefined && !config.analysis.embedded) {
    app.use(
      liteProxy(config.api_url, {
        requestBytes: config.limits.upload_request_bytes,
        timeoutMs: config.api_timeout_ms,
      }),
    );
  }
  app.use(pluginAssetsRouter(deps.paths, { preinit: config.preinit }));
  app.use(demoRouter(deps.paths));
  app.use((req, res) => {
    res.status(404).json({ code: 'not_found', message: `no such resource: ${req.path}` });
  });
  app.use(errorHandler(log));
  return app;
}

/** The origin policy of this configuration and licence (licensing/origin-policy.ts). */
export function appOriginPolicy(config: AdapterConfig, license: LicenseSettings): OriginPolicy {
  return createOriginPolicy({
    license,
    licenseRequired: config.license_required,
    corsOrigins: config.cors.origins,
  });
}
