import pLimit from 'p-limit';
import { z } from 'zod';
import { isFolderFinished } from '../results/status.js';
import { type AuthSettings, TokenManager } from './auth.js';
import { type ApiResult, fail, ok } from './errors.js';
import {
  type ApiLogger,
  errorFromResponse,
  type FetchLike,
  type HttpDeps,
  type HttpRequest,
  type HttpResponse,
  sendWithRetry,
} from './http.js';
import { type OzAnalysis, type OzFolder, ozFolderSchema, ozLaunchResponseSchema } from './oz-objects.js';
import {
  type AnalysisRequest,
  buildFolderUpload,
  type FolderUpload,
  type FolderUploadInput,
  toFormData,
  UPLOAD_ID_META,
} from './payload.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, realSleep, type Sleep } from './retry.js';

export interface OzApiClientOptions {
  /** `api_url`; a path prefix is kept (`https://host/oz` → `https://host/oz/api/...`). */
  readonly baseUrl: string;
  /** The adapter's own credentials; omit when every call carries the page's token. */
  readonly auth?: AuthSettings;
  /** Per-attempt timeout (`api_timeout_ms`). */
  readonly timeoutMs?: number;
  /** Folder and container uploads in flight at once (`api_max_concurrent_uploads`); the rest wait. */
  readonly maxConcurrentUploads?: number;
  readonly retry?: RetryPolicy;
  readonly logger?: ApiLogger;
  // Injected for tests; real defaults otherwise.
  readonly fetch?: FetchLike;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  /** Milliseconds clock for poll deadlines. */
  readonly now?: () => number;
}

export interface CallOptions {
  /** The page's token (`api_use_token: "client"`); when set it is used as is and never renewed. */
  readonly token?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface FolderCallOptions extends CallOptions {
  /** Non-persistent Instant API (`architecture: lite`): POST /api/instant/folders/. */
  readonly instant?: boolean;
}

export interface PollOptions extends CallOptions {
  /** `results_polling_interval` in ms. */
  readonly intervalMs: number;
  /** Give up with api_poll_timeout after this long. */
  readonly timeoutMs: number;
  /** Every polled state, finished or not: the route turns each into on_result. */
  readonly onUpdate?: (folder: OzFolder) => void | Promise<void>;
}

export interface OzApiClient {
  /** POST /api/folders/ with files and `payload`; 201 → the folder (with analyses in single-request mode). */
  createFolder(input: FolderUploadInput, options?: FolderCallOptions): Promise<ApiResult<OzFolder>>;
  /** The same call with an upload already built (a kept `pending/` upload sent again). */
  sendFolder(upload: FolderUpload, options?: FolderCallOptions): Promise<ApiResult<OzFolder>>;
  /** POST /api/folders/{id}/analyses/ → the created analyses (may be empty if the API does not echo them). */
  launchAnalyses(
    folderId: string,
    analyses: readonly AnalysisRequest[],
    options?: CallOptions,
  ): Promise<ApiResult<OzAnalysis[]>>;
  /** GET /api/folders/{id}/ → folder with media and analyses. */
  getFolder(folderId: string, options?: CallOptions): Promise<ApiResult<OzFolder>>;
  /** Polls getFolder every intervalMs until the folder is finished (results/status.ts). */
  pollFolder(folderId: string, options: PollOptions): Promise<ApiResult<OzFolder>>;
  /** GET /api/authorize/session_token (sealed-container mode, `api_use_session_token: "api"`). */
  getSessionToken(options?: CallOptions): Promise<ApiResult<string>>;
  /** Sealed container upload: the opaque blob as application/octet-stream. */
  uploadContainer(container: Uint8Array, options?: FolderCallOptions): Promise<ApiResult<OzFolder>>;
  /**
   * GET /api/folders/?meta_data=key==value&with_analyses=true: the newest folder whose metadata has that
   * value (null when none), created within the last `maxAgeS` seconds (default one hour).
   */
  findFolderByMeta(
    key: string,
    value: string,
    options?: CallOptions & { readonly maxAgeS?: number },
  ): Promise<ApiResult<OzFolder | null>>;
}

const folderListSchema = z.looseObject({ items: z.array(ozFolderSchema) });

const folderPath = (instant: boolean | undefined) => (instant ? '/api/instant/folders/' : '/api/folders/');

export function createOzApiClient(options: OzApiClientOptions): OzApiClient {
  const http: HttpDeps = {
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    timeoutMs: options.timeoutMs ?? 15_000,
    logger: options.logger,
  };
  const now = options.now ?? Date.now;
  // A burst of captures queues here instead of overrunning the API: a waiting upload has not started its
  // per-attempt timeout, so a busy API is not also hit by retries of uploads it is still storing.
  const uploads = pLimit(Math.max(1, Math.trunc(options.maxConcurrentUploads ?? 8)));
  /** The folder LIST query (analysis-api.md §6) for the newest folder with `key==value`, analyses included. */
  const byMetaPath = (key: string, value: string, maxAgeS = 3600) =>
    `/api/folders/?${new URLSearchParams({
      meta_data: `${key}==${value}`,
      with_analyses: 'true',
      'time_created.min': String(Math.floor(now() / 1000) - maxAgeS),
      sorting: 'time_created{desc}',
      limit: '1',
    })}`;
  const hasOwnAuth = options.auth?.token !== undefined || options.auth?.credentials !== undefined;
  const tokens =
    hasOwnAuth && options.auth ? new TokenManager(http, options.auth, () => now() / 1000) : undefined;

  /** Sends with a token; after a 401 on our own token, renews once and repeats the request. */
  async function authed(
    req: Omit<HttpRequest, 'token' | 'signal'>,
    call: CallOptions,
  ): Promise<ApiResult<HttpResponse>> {
    let token: string;
    if (call.token !== undefined) token = call.token;
    else if (tokens !== undefined) {
      const t = await tokens.token();
      if (!t.ok) return t;
      token = t.value;
    } else return fail('api_no_token');

    const first = await sendWithRetry(http, { ...req, token, signal: call.signal });
    if (!first.ok || first.value.status !== 401 || call.token !== undefined || !tokens?.canRenew)
      return first;
    const renewed = await tokens.renewAfterRejection(token);
    if (!renewed.ok) return renewed;
    return sendWithRetry(http, { ...req, token: renewed.value, signal: call.signal });
  }

  function expect<S extends z.ZodType>(sent: ApiResult<HttpResponse>, schema: S): ApiResult<z.output<S>> {
    if (!sent.ok) return sent;
    const res = sent.value;
    if (res.status < 200 || res.status >= 300) return errorFromResponse(res);
    const parsed = schema.safeParse(res.body);
    if (!parsed.success) {
      return fail('api_bad_response', {
        status: res.status,
        attempts: res.attempts,
        cause: parsed.error.message,
      });
    }
    return ok(parsed.data);
  }

  const client: OzApiClient = {
    async createFolder(input, call = {}) {
      const upload = buildFolderUpload(input);
      if (!upload.ok) return upload;
      return client.sendFolder(upload.value, call);
    },

    async sendFolder(upload, call = {}) {
      const uploadId = upload.payload['folder:meta_data']?.[UPLOAD_ID_META];
      // An attempt that timed out or lost its answer may have stored the folder: find it before
      // sending the capture again. The Instant API keeps nothing to find.
      const beforeRetry =
        uploadId !== undefined && !call.instant
          ? async (token: string | undefined) => {
              const once = { ...http, retry: { ...http.retry, maxAttempts: 1 } };
              const found = await sendWithRetry(once, {
                method: 'GET',
                path: byMetaPath(UPLOAD_ID_META, uploadId),
                token,
                signal: call.signal,
              });
              if (!found.ok || found.value.status !== 200) return undefined;
              const list = folderListSchema.safeParse(found.value.body);
              const folder = list.success ? list.data.items[0] : undefined;
              return folder ? { status: 201, body: folder, attempts: found.value.attempts } : undefined;
            }
          : undefined;
      const sent = await uploads(() =>
        authed(
          { method: 'POST', path: folderPath(call.instant), form: toFormData(upload), beforeRetry },
          call,
        ),
      );
      return expect(sent, ozFolderSchema);
    },

    async launchAnalyses(folderId, analyses, call = {}) {
      const path = `/api/folders/${encodeURIComponent(folderId)}/analyses/`;
      const sent = await authed({ method: 'POST', path, json: { analyses } }, call);
      if (!sent.ok) return sent;
      if (sent.value.status < 200 || sent.value.status >= 300) return errorFromResponse(sent.value);
      // The launch answer is not documented beyond "contains analysis ids": read it if we can.
      const parsed = ozLaunchResponseSchema.safeParse(sent.value.body);
      return ok(parsed.success ? parsed.data : []);
    },

    async getFolder(folderId, call = {}) {
      const sent = await authed(
        { method: 'GET', path: `/api/folders/${encodeURIComponent(folderId)}/` },
        call,
      );
      return expect(sent, ozFolderSchema);
    },

    async pollFolder(folderId, poll) {
      const deadline = now() + poll.timeoutMs;
      for (;;) {
        const folder = await client.getFolder(folderId, poll);
        if (!folder.ok) return folder;
        await poll.onUpdate?.(folder.value);
        if (isFolderFinished(folder.value)) return folder;
        if (now() + poll.intervalMs > deadline)
          return fail('api_poll_timeout', { cause: `after ${poll.timeoutMs} ms` });
        await http.sleep(poll.intervalMs, poll.signal);
        if (poll.signal?.aborted) return fail('api_aborted');
      }
    },

    async getSessionToken(call = {}) {
      const sent = await authed({ method: 'GET', path: '/api/authorize/session_token' }, call);
      if (!sent.ok) return sent;
      const res = sent.value;
      if (res.status < 200 || res.status >= 300) return errorFromResponse(res);
      const body = res.body as { session_token?: unknown } | undefined;
      return typeof body?.session_token === 'string'
        ? ok(body.session_token)
        : fail('api_bad_response', { status: res.status, cause: 'no session_token' });
    },

    async uploadContainer(container, call = {}) {
      const binary = new Blob([Uint8Array.from(container)], { type: 'application/octet-stream' });
      const sent = await uploads(() =>
        authed({ method: 'POST', path: folderPath(call.instant).replace(/\/$/, ''), binary }, call),
      );
      return expect(sent, ozFolderSchema);
    },

    async findFolderByMeta(key, value, call = {}) {
      const sent = await authed({ method: 'GET', path: byMetaPath(key, value, call.maxAgeS) }, call);
      const list = expect(sent, folderListSchema);
      return list.ok ? ok(list.value.items[0] ?? null) : list;
    },
  };
  return client;
}
