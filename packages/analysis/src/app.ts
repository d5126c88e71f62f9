import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { CollectionService } from './app/collections.js';
import { FolderService } from './app/folders.js';
import { createInstantService, type InstantService } from './app/instant.js';
import { SessionService } from './auth/sessions.js';
import { UserDirectory } from './auth/users.js';
import type { ResolvedOptions } from './config.js';
import type { MrzOcr } from './documents/ocr.js';
import { apiError } from './domain/errors.js';
import { sendError } from './http/context.js';
import { errorHandler, multipart, requireAuth } from './http/middleware.js';
import type { AnalysisQueue } from './jobs/queue.js';
import { AnalysisRunner, type RunnerDeps } from './jobs/runner.js';
import type { Logger } from './logger.js';
import type { FaceToolkit } from './models/pool.js';
import { analysisRoutes } from './routes/analyses.js';
import { authRoutes } from './routes/auth.js';
import { collectionRoutes } from './routes/collections.js';
import { folderRoutes } from './routes/folders.js';
import { healthRoutes } from './routes/health.js';
import { instantRoutes } from './routes/instant.js';
import { mediaRoutes } from './routes/media.js';
import type { Storage } from './storage/types.js';

export interface AppParts {
  app: Express;
  /** The in-process runner, or the shared queue given to buildApp. */
  queue: AnalysisQueue;
  folders: FolderService;
  instant: InstantService;
}

/** Wires services and routes. No IO happens here beyond what the parts already own. */
export function buildApp(
  o: ResolvedOptions,
  storage: Storage,
  engine: FaceToolkit,
  logger: Logger,
  ocr: MrzOcr,
  /** A shared queue (pg-boss); absent: analyses run in this process. */
  sharedQueue?: AnalysisQueue,
): AppParts {
  const sessions = new SessionService(storage.meta, new UserDirectory(o.users), o.tokenSecret, {
    accessTtl: o.accessTokenTtlSeconds,
    refreshTtl: o.refreshTokenTtlSeconds,
    sliding: o.slidingSessions,
  });
  const runnerDeps = runnerDepsFrom(o, engine, ocr, logger);
  const queue = sharedQueue ?? new AnalysisRunner({ ...runnerDeps, storage });
  const instant = createInstantService(runnerDeps);
  const folders = new FolderService({ storage, runner: queue, baseUrl: o.publicUrl });
  const collections = new CollectionService(storage, engine);
  const auth = requireAuth(sessions);
  const upload = multipart({ maxFileBytes: o.maxUploadBytes, maxFiles: 20 });

  const app = express();
  app.disable('x-powered-by');
  // A JSON API: helmet's defaults (nosniff, a CSP of default-src 'self', CORP same-origin, no framing, …).
  app.use(helmet());
  app.use(express.json({ limit: '1mb' }));
  app.use(healthRoutes());
  if (o.authRateLimit.limit > 0) {
    // Login is where guessing happens: counted per client IP (express-rate-limit's memory store).
    app.post(
      '/api/authorize/auth',
      rateLimit({
        windowMs: o.authRateLimit.windowMs,
        limit: o.authRateLimit.limit,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (_req, res) =>
          sendError(
            res,
            apiError('AUTH_FORBIDDEN', 'Too many login attempts; retry later', { code: 'rate_limited' }, 429),
          ),
      }),
    );
  }
  app.use(authRoutes(sessions));
  app.use(folderRoutes(folders, auth, upload));
  app.use(instantRoutes(instant, auth, upload));
  app.use(analysisRoutes(storage.meta, auth));
  app.use(mediaRoutes(storage, auth, o.publicUrl));
  app.use(collectionRoutes(collections, auth, upload));
  app.use((_req, res) => sendError(res, apiError('NOT_EXIST', 'Not found')));
  app.use(errorHandler(logger));
  return { app, queue, folders, instant };
}

/** What a runner needs besides storage, from the resolved options (the service and workers share it). */
export function runnerDepsFrom(
  o: ResolvedOptions,
  engine: FaceToolkit,
  ocr: MrzOcr,
  logger: Logger,
): Omit<RunnerDeps, 'storage'> {
  return {
    engine,
    ocr,
    logger,
    baseUrl: o.publicUrl,
    // Two groups per inference thread: one decodes (libuv threads) while the other infers.
    concurrency: 2 * o.concurrency,
    settings: {
      livenessThreshold: o.livenessThreshold,
      biometryThreshold: o.biometryThreshold,
      collectionThreshold: o.collectionThreshold,
      maxFramesPerMedia: o.maxFramesPerMedia,
      maxGestureFrames: o.maxGestureFrames,
      identityThreshold: o.identityThreshold,
    },
    webhook: {
      attempts: o.webhookAttempts,
      timeoutMs: o.webhookTimeoutMs,
      baseDelayMs: o.webhookBaseDelayMs,
      secret: o.webhookSecret,
      allowPrivateTargets: o.webhookAllowPrivateTargets,
    },
  };
}
