import { type ApiResult, fail, ok } from './errors.js';
import { ozErrorBodySchema } from './oz-objects.js';
import { backoffDelay, type RetryPolicy, type Sleep } from './retry.js';

/** Header carrying the access token on every call (analysis-api.md §1.2). */
export const TOKEN_HEADER = 'X-Forensic-Access-Token';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Minimal logger shape; pino's child loggers satisfy it. */
export interface ApiLogger {
  warn(details: object, message: string): void;
}

export interface HttpDeps {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly logger?: ApiLogger | undefined;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly token?: string | undefined;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly binary?: Blob;
  readonly signal?: AbortSignal | undefined;
  /**
   * Asked before each retry: an answer here ends the call as if the request had succeeded. A
   * folder upload uses it to look for the folder an attempt whose answer was lost did store.
   */
  readonly beforeRetry?: ((token: string | undefined) => Promise<HttpResponse | undefined>) | undefined;
}

export interface HttpResponse {
  readonly status: number;
  readonly body: unknown;
  readonly attempts: number;
}

export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

function buildInit(req: HttpRequest, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.token !== undefined) headers[TOKEN_HEADER] = req.token;
  let body: RequestInit['body'];
  if (req.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form !== undefined) {
    // fetch sets multipart/form-data with its boundary; a FormData body can be sent again on retry.
    body = req.form;
  } else if (req.binary !== undefined) {
    headers['Content-Type'] = 'application/octet-stream';
    body = req.binary;
  }
  return { method: req.method, headers, body, signal };
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const isRetryableStatus = (status: number) => status >= 500 || status === 429;

/**
 * One logical request: retried on network errors, per-attempt timeouts, 5xx and 429, up to the
 * policy's attempt budget; then `api_unavailable`. Any other answer (2xx, 4xx) is returned as is
 * for the caller to interpret. Retrying POST /api/folders/ after a 5xx can, in the worst case,
 * leave an orphan folder; that is preferable to failing a user's capture, and folders are found
 * by transaction_id anyway.
 */
export async function sendWithRetry(deps: HttpDeps, req: HttpRequest): Promise<ApiResult<HttpResponse>> {
  const url = joinUrl(deps.baseUrl, req.path);
  let lastCause = '';
  let lastStatus: number | undefined;
  for (let attempt = 1; attempt <= deps.retry.maxAttempts; attempt++) {
    if (req.signal?.aborted) return fail('api_aborted', { attempts: attempt - 1 });
    const timeout = AbortSignal.timeout(deps.timeoutMs);
    const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
    let retryAfter: number | undefined;
    try {
      const res = await deps.fetch(url, buildInit(req, signal));
      const body = await readBody(res);
      if (!isRetryableStatus(res.status)) return ok({ status: res.status, body, attempts: attempt });
      lastStatus = res.status;
      lastCause = `HTTP ${res.status}`;
      const header = res.headers.get('retry-after');
      retryAfter = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
    } catch (err) {
      if (req.signal?.aborted) return fail('api_aborted', { attempts: attempt });
      lastStatus = undefined;
      lastCause = timeout.aborted
        ? `timeout after ${deps.timeoutMs} ms`
        : err instanceof Error
          ? describe(err)
          : String(err);
    }
    if (attempt < deps.retry.maxAttempts) {
      const delay = backoffDelay(attempt, deps.retry, deps.random, retryAfter);
      deps.logger?.warn(
        { url: req.path, attempt, cause: lastCause, delay },
        'analysis API call failed; retrying',
      );
      await deps.sleep(delay, req.signal);
      const earlier = await req.beforeRetry?.(req.token);
      if (earlier !== undefined) return ok(earlier);
    }
  }
  return fail('api_unavailable', {
    attempts: deps.retry.maxAttempts,
    cause: lastCause,
    ...(lastStatus !== undefined ? { status: lastStatus } : {}),
  });
}

function describe(err: Error): string {
  // undici hides the useful part (ECONNREFUSED, …) in `cause`.
  const cause = (err as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
}

/** Maps a non-2xx answer that was not retried to an error value, keeping the API's own code. */
export function errorFromResponse<T = never>(res: HttpResponse): ApiResult<T> {
  const parsed = ozErrorBodySchema.safeParse(res.body);
  const extra = {
    status: res.status,
    attempts: res.attempts,
    ...(parsed.success && parsed.data.error_code !== undefined
      ? { ozErrorCode: parsed.data.error_code }
      : {}),
    ...(parsed.success && parsed.data.error_message !== undefined
      ? { ozMessage: parsed.data.error_message }
      : {}),
  };
  if (res.status === 401) return fail('api_auth_failed', extra);
  if (res.status === 403) return fail('api_forbidden', extra);
  if (res.status === 404) return fail('api_not_found', extra);
  return fail('api_rejected', extra);
}
