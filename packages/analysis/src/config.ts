import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { UserConfig } from './auth/users.js';
import type { PgBossQueueOptions } from './jobs/pgboss/options.js';
import type { Logger } from './logger.js';
import type { Storage } from './storage/types.js';

/** Options of `createAnalysisService`. Only the first three are required. */
export interface AnalysisServiceOptions {
  /** Where the SQLite file and uploaded media live (created if missing). */
  dataDir: string;
  /** Folder holding the ONNX files listed in `REQUIRED_MODEL_FILES`. */
  modelsDir: string;
  /** API accounts allowed to log in with `POST /api/authorize/auth`. */
  users: UserConfig[];
  /** Liveness: `confidence_spoofing ≥` this ⇒ DECLINED. Default 0.5 (Oz default). */
  livenessThreshold?: number;
  /**
   * Biometry: cosine similarity `≥` this ⇒ SUCCESS. Default 0.40, measured for fr_feature
   * (models.md §4.2); this is not Oz's 0.85 scale.
   */
  biometryThreshold?: number;
  /** Blacklist: cosine `≥` this is a hit. Default 0.45 (stricter than biometry on purpose). */
  collectionThreshold?: number;
  /** Frames sampled from each shots set. Default 5. */
  maxFramesPerMedia?: number;
  /** Frames of each shots set checked for the gesture, faces and identity (docs/gestures.md). Default 60. */
  maxGestureFrames?: number;
  /** Frames of one folder with a cosine similarity below this are different people. Default 0.3. */
  identityThreshold?: number;
  /** ONNX Runtime intra-op threads per model. Default 1 (predictable on shared small machines). */
  inferenceThreads?: number;
  /**
   * Inference worker threads (each with its own models; twice as many analysis groups run at once).
   * Default: the cores (`os.availableParallelism()`) divided by `inferenceThreads`, at least 1, so
   * that workers × ONNX threads matches the machine.
   */
  concurrency?: number;
  /** HMAC secret for access tokens. Default: random per start (tokens die with the process). */
  tokenSecret?: string | Uint8Array;
  /** Access token lifetime, seconds. Default 900 (Oz `OZ_SESSION_TTL`). */
  accessTokenTtlSeconds?: number;
  /** Expire (refresh) token lifetime, seconds. Default 7 days. */
  refreshTokenTtlSeconds?: number;
  /** Extend the access expiry on each request, like Oz. Default true. */
  slidingSessions?: boolean;
  /** Prefix for `original_url` values, e.g. `https://analysis.example.com`. Default '' (relative). */
  publicUrl?: string;
  /** Largest accepted upload per file, bytes. Default 30 MiB. */
  maxUploadBytes?: number;
  /** Webhook attempts per delivery. Default 3. */
  webhookAttempts?: number;
  /** Webhook timeout per attempt, ms. Default 5000. */
  webhookTimeoutMs?: number;
  /** Webhook backoff base delay, ms. Default 500. */
  webhookBaseDelayMs?: number;
  /**
   * Login attempts (`POST /api/authorize/auth`) per client IP per window; over it a 429 with
   * `details.code: "rate_limited"`. Default 20 per 60 s; `limit: 0` turns it off.
   */
  authRateLimit?: { windowMs: number; limit: number };
  /**
   * HMAC key of the `X-Webhook-Signature` header on every webhook call. Default: random per start,
   * which no receiver can check, so set it (ANALYSIS_WEBHOOK_SECRET) when you use webhooks.
   */
  webhookSecret?: string | Uint8Array;
  /** Allow webhooks to loopback, private and link-local addresses. Default false (public only). */
  webhookAllowPrivateTargets?: boolean;
  /** Replaces the default SQLite + files storage (e.g. `openPostgresStorage`). */
  storage?: Storage;
  /**
   * Where analysis groups wait. Default `{ kind: 'in-process' }`: this process runs them. With
   * pg-boss (needs PostgreSQL storage, since workers read the same records) this process only queues
   * them, and analysis workers (`startAnalysisWorker`, `dist/worker.js`) run them.
   */
  queue?: { kind: 'in-process' } | PgBossQueueOptions;
  logger?: Logger;
}

export type ResolvedOptions = Required<
  Omit<AnalysisServiceOptions, 'storage' | 'logger' | 'tokenSecret' | 'webhookSecret' | 'queue'>
> & {
  tokenSecret: Uint8Array;
  webhookSecret: Uint8Array;
};

function inUnitRange(name: string, v: number): number {
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be within [0, 1], got ${v}`);
  return v;
}

const bytesOf = (v: string | Uint8Array): Uint8Array =>
  typeof v === 'string' ? new TextEncoder().encode(v) : v;

/** Fills defaults and rejects nonsense early, at start-up rather than on the first request. */
export function resolveOptions(o: AnalysisServiceOptions): ResolvedOptions {
  if (!o.dataDir) throw new TypeError('dataDir is required');
  if (!o.modelsDir) throw new TypeError('modelsDir is required');
  const secret = o.tokenSecret ?? randomBytes(32);
  const threads = Math.max(1, Math.trunc(o.inferenceThreads ?? 1));
  return {
    dataDir: o.dataDir,
    modelsDir: o.modelsDir,
    users: o.users,
    livenessThreshold: inUnitRange('livenessThreshold', o.livenessThreshold ?? 0.5),
    biometryThreshold: inUnitRange('biometryThreshold', o.biometryThreshold ?? 0.4),
    collectionThreshold: inUnitRange('collectionThreshold', o.collectionThreshold ?? 0.45),
    maxFramesPerMedia: Math.max(1, Math.trunc(o.maxFramesPerMedia ?? 5)),
    maxGestureFrames: Math.max(4, Math.trunc(o.maxGestureFrames ?? 60)),
    identityThreshold: inUnitRange('identityThreshold', o.identityThreshold ?? 0.3),
    inferenceThreads: threads,
    concurrency: Math.max(1, Math.trunc(o.concurrency ?? availableParallelism() / threads)),
    tokenSecret: typeof secret === 'string' ? new TextEncoder().encode(secret) : secret,
    accessTokenTtlSeconds: o.accessTokenTtlSeconds ?? 900,
    refreshTokenTtlSeconds: o.refreshTokenTtlSeconds ?? 7 * 24 * 3600,
    slidingSessions: o.slidingSessions ?? true,
    publicUrl: (o.publicUrl ?? '').replace(/\/+$/, ''),
    maxUploadBytes: o.maxUploadBytes ?? 30 * 1024 * 1024,
    webhookAttempts: Math.max(1, o.webhookAttempts ?? 3),
    webhookTimeoutMs: o.webhookTimeoutMs ?? 5000,
    webhookBaseDelayMs: o.webhookBaseDelayMs ?? 500,
    authRateLimit: o.authRateLimit ?? { windowMs: 60_000, limit: 20 },
    webhookSecret: bytesOf(o.webhookSecret ?? randomBytes(32)),
    webhookAllowPrivateTargets: o.webhookAllowPrivateTargets ?? false,
  };
}
