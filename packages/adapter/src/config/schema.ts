import { isIP } from 'node:net';
import { PHOTO_ACTIONS, VIDEO_ACTIONS } from '@open-liveness/trust';
import { z } from 'zod';
import { gesturePool } from '../session/challenge.js';
import { toBool, toBytes, toList, toLowerWord, toNumber } from './normalise.js';

export const ARCHITECTURES = ['normal', 'lite', 'capture'] as const;
export const RESULT_MODES = ['safe', 'status', 'folder', 'full'] as const;
export const PREINIT_MODES = ['off', 'script', 'full'] as const;
export const API_TOKEN_SOURCES = ['config', 'client'] as const;
export const SESSION_TOKEN_SOURCES = ['api', 'client'] as const;

export type Architecture = (typeof ARCHITECTURES)[number];
export type ResultMode = (typeof RESULT_MODES)[number];

/** Every video action the plugin knows (actions.md §1); the default for `video_actions_list`. */
export const DEFAULT_VIDEO_ACTIONS = VIDEO_ACTIONS;
export const DEFAULT_PHOTO_ACTIONS = PHOTO_ACTIONS;

const MIB = 1024 * 1024;

// Small builders so each field reads as "type + default" and the lenient coercion is never forgotten.
const bool = (fallback: boolean) => z.preprocess(toBool, z.boolean()).default(fallback);
const int = (min: number, max: number) => z.preprocess(toNumber, z.number().int().min(min).max(max));
const bytes = (fallback: number) =>
  z
    .preprocess(
      toBytes,
      z
        .number()
        .int()
        .min(1)
        .max(4 * 1024 * MIB),
    )
    .default(fallback);
const word = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(toLowerWord, z.enum(values));
const list = <T extends z.ZodType>(item: T) => z.preprocess(toList, z.array(item));
const text = z.string().trim().min(1);

/** One `trust proxy` entry: a name Express knows, an IP address, or an address/prefix. */
function isProxyEntry(v: string): boolean {
  if (v === 'loopback' || v === 'linklocal' || v === 'uniquelocal') return true;
  const [ip, prefix, ...rest] = v.split('/');
  if (rest.length || !ip) return false;
  const family = isIP(ip);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  const n = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && n <= (family === 4 ? 32 : 128);
}

// `https://example.com`, `http://localhost:3000`, `https://*.example.com`, or the wildcard `*`.
const corsOrigin = z
  .string()
  .trim()
  .regex(
    /^(\*|https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?)$/i,
    'must be an origin such as https://example.com',
  );

export const configSchema = z
  .strictObject({
    // --- From the Web Adapter spec (adapter-config.md §2) ---
    architecture: word(ARCHITECTURES).default('normal'),
    api_url: z.url({ protocol: /^https?$/ }).optional(),
    api_token: text.optional(),
    api_use_token: word(API_TOKEN_SOURCES).default('config'),
    use_for_liveness: z.preprocess(toBool, z.boolean()).optional(),
    preinit: word(PREINIT_MODES).default('off'),
    video_actions_list: list(z.string().regex(/^video_selfie_[a-z0-9_]+$/))
      .pipe(z.array(z.string()).min(1))
      .default([...DEFAULT_VIDEO_ACTIONS]),
    photo_actions_list: list(z.string().regex(/^photo_[a-z0-9_]+$/)).default([...DEFAULT_PHOTO_ACTIONS]),
    actions_default_importance: bool(false),
    actions_default: z
      .strictObject({
        video_count: int(0, 10).default(1),
        photo_front: bool(false),
        photo_back: bool(false),
        /** Draw `video_count` gesture actions from `video_actions_list` per session (docs/configuration.md). */
        random: bool(false),
      })
      .prefault({}),
    analyses: z
      .strictObject({
        quality: bool(true),
        biometry: bool(false),
        collection_ids: list(text).default([]),
        // Not in the spec's surviving copies but named there by analogy; off unless asked for.
        documents: bool(false),
      })
      .prefault({}),
    extract_action_shot: bool(false),
    extract_best_shot: bool(true),
    result_mode: word(RESULT_MODES).default('safe'),
    results_polling_interval: int(100, 60_000).default(1000),
    iframe_allowed: bool(false),
    load_3d_mask: bool(false),
    disable_adapter_errors_on_screen: bool(false),
    debug: bool(false),
    master_license_signature: text.optional(),
    use_wasm_container: bool(false),
    api_use_session_token: word(SESSION_TOKEN_SOURCES).default('api'),

    // --- open-liveness additions ---
    /** Credentials for POST /api/authorize/auth when no long-lived api_token is configured. */
    api_login: text.optional(),
    api_password: text.optional(),
    api_timeout_ms: int(100, 300_000).default(15_000),
    /** Folder uploads in flight to the API at once; more wait in the adapter (p-limit in api-client/client.ts). */
    api_max_concurrent_uploads: int(1, 1000).default(8),
    /** A license installed through configuration instead of a file (same fields as open({license})). */
    // enc_public_key is "" in a licence without a container key (docs/licensing.md).
    license: z
      .strictObject({ payload_b64: text, signature: text, enc_public_key: z.string().trim() })
      .optional(),
    license_file: text.optional(),
    /**
     * Licensing on (the default): the API serves the exempt local hosts, the installed licence's
     * origins and `cors.origins`. Off: only the exempt hosts and `cors.origins` (docs/embedding.md).
     */
    license_required: bool(true),
    /**
     * Trusted Ed25519 license-signing public keys (base64 of the raw 32 bytes). A list so the issuer
     * can rotate keys; with none configured every installed license is `license_invalid`.
     */
    license_public_keys: list(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be base64 of 32 bytes'),
    ).default([]),
    /**
     * HMAC secret for the plugin↔adapter session tokens. Several adapters behind a balancer must share
     * it; when absent a random one is generated at start (sessions then die with the process).
     */
    session_secret: z.string().min(32, 'must be at least 32 characters').optional(),
    /**
     * Sealed-container private key (base64 PKCS#8 P-256, `pnpm license keygen --kind container`). When
     * `use_wasm_container` is on and this is absent, one is generated at start (containers sealed for
     * it die with the process). Whether it is a usable P-256 key is checked at start (WebCrypto is async).
     */
    container_private_key: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9+/]{100,400}={0,2}$/, 'must be a base64 PKCS#8 P-256 private key')
      .optional(),
    /**
     * Key a backend presents to `GET /api/authorize/session_token` (api_use_session_token: client).
     * `api_token` is accepted too, so a backend that already holds it needs nothing new.
     */
    session_token_key: z.string().min(16, 'must be at least 16 characters').optional(),
    /**
     * Redis for the state shared by a pool of adapters (upload-once and replay keys, rate-limit
     * counters, finished results). Absent: all of it stays in this process (docs/deployment.md).
     */
    redis_url: z.url({ protocol: /^rediss?$/ }).optional(),
    /**
     * Proxies whose X-Forwarded-For / -Proto / -Host are believed (Express `trust proxy`): names
     * `loopback`, `linklocal`, `uniquelocal`, addresses or CIDR ranges. The client IP of the rate limits
     * comes from it, so behind a load balancer that is not on loopback, list it here.
     */
    trust_proxy: list(
      z
        .string()
        .trim()
        .refine(isProxyEntry, 'must be loopback, linklocal, uniquelocal, an IP address or a CIDR range'),
    )
      .pipe(z.array(z.string()).min(1))
      .default(['loopback']),
    /** Prefix of every key the adapter writes to Redis, so deployments can share one server. */
    redis_key_prefix: z
      .string()
      .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'letters, digits and : _ . - only (at most 64)')
      .default('ol:'),
    /** Adapter's own files (uploads kept while the API is down: `<data_dir>/pending/`). */
    data_dir: text.optional(),
    cors: z.strictObject({ origins: list(corsOrigin).default([]) }).prefault({}),
    /** Requests per client IP per window on session creation and uploads (429 rate_limited); 0 = off. */
    rate_limits: z
      .strictObject({
        window_ms: int(1000, 3_600_000).default(60_000),
        sessions: int(0, 1_000_000).default(60),
        uploads: int(0, 1_000_000).default(20),
      })
      .prefault({}),
    limits: z
      .strictObject({
        json_body_bytes: bytes(1 * MIB),
        upload_request_bytes: bytes(64 * MIB),
        upload_max_files: int(1, 64).default(12),
        upload_max_fields: int(1, 256).default(32),
        shots_zip_bytes: bytes(24 * MIB),
        photo_bytes: bytes(10 * MIB),
        zip_max_entries: int(2, 10_000).default(400),
        zip_max_uncompressed_bytes: bytes(128 * MIB),
        zip_max_ratio: int(2, 10_000).default(50),
        image_max_pixels: int(1, 100_000_000).default(4096 * 4096),
        manifest_bytes: bytes(256 * 1024),
      })
      .prefault({}),
    port: int(0, 65_535).default(8080),
    // Loopback by default, as before the configuration existed; containers set 0.0.0.0.
    host: text.default('127.0.0.1'),
    analysis: z
      .strictObject({
        embedded: bool(true),
        /** Port of the embedded service on 127.0.0.1; 0 picks a free one. */
        port: int(0, 65_535).default(0),
        data_dir: text.optional(),
      })
      .prefault({}),
    trusted_test_devices: list(text).default([]),
    /** What the plugin does when it sees open devtools: nothing, a weak integrity reason, or stop. */
    devtools_reaction: word(['ignore', 'flag', 'block'] as const).default('flag'),
  })
  .superRefine((c, ctx) => {
    const missing = (key: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [key], message, params: { missing: true } });
    const talksToApi = c.architecture !== 'capture';
    // With the embedded service, main starts it and fills api_url / credentials itself.
    const external = !c.analysis.embedded;
    if (talksToApi && external && c.api_url === undefined) {
      missing('api_url', `required when architecture is "${c.architecture}" and analysis.embedded is false`);
    }
    if (talksToApi && external && c.api_use_token === 'config' && !c.api_token && !c.api_login) {
      missing('api_token', 'required when api_use_token is "config" (or set api_login + api_password)');
    }
    if (
      c.use_wasm_container &&
      c.api_use_session_token === 'client' &&
      c.session_token_key === undefined &&
      c.api_token === undefined
    ) {
      // Otherwise no backend could obtain a session token and every sealed upload would fail.
      missing(
        'session_token_key',
        'required when use_wasm_container is on and api_use_session_token is "client" (or set api_token)',
      );
    }
    if (
      c.actions_default.random &&
      c.actions_default.video_count > gesturePool(c.video_actions_list).length
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['actions_default', 'video_count'],
        message: `with actions_default.random, at most the ${gesturePool(c.video_actions_list).length} gesture actions of video_actions_list (no repeats)`,
      });
    }
    if (c.redis_url !== undefined && c.session_secret === undefined) {
      // A generated secret is per process: a session started on one adapter would not verify on another.
      missing(
        'session_secret',
        'required when redis_url is set: every adapter of the pool must sign and read the same session tokens',
      );
    }
    if (c.redis_url !== undefined && c.use_wasm_container && c.container_private_key === undefined) {
      missing(
        'container_private_key',
        'required when redis_url and use_wasm_container are set: a container sealed for one adapter must open on any other',
      );
    }
    if (c.api_login !== undefined && c.api_password === undefined) {
      missing('api_password', 'required when api_login is set');
    }
    if (c.api_password !== undefined && c.api_login === undefined) {
      missing('api_login', 'required when api_password is set');
    }
  });

export type AdapterConfig = z.output<typeof configSchema>;
export type AdapterLimits = AdapterConfig['limits'];
