import { LivenessFailure } from '../errors/codes.js';
import type { ActionId, LicenseData, ResultPayload } from '../options.js';

/** What the adapter tells the plugin at session start (docs/protocol.md §1). */
export interface SessionInfo {
  session: string;
  event_session_id: string;
  architecture: 'normal' | 'lite' | 'capture';
  result_mode: 'safe' | 'status' | 'folder' | 'full';
  results_polling_interval: number;
  disable_adapter_errors_on_screen: boolean;
  use_wasm_container: boolean;
  /** The adapter's container key (base64 raw P-256) when `use_wasm_container` is on. */
  container_public_key?: string | null;
  /** A single-use session token issued by the adapter (`api_use_session_token: "api"`). */
  session_token?: string | null;
  /** False when the adapter forbids running inside an iframe. */
  iframe_allowed?: boolean;
  /** Adapter `use_for_liveness` as set; null/absent when the key is not set (camera/camera-plan.ts). */
  use_for_liveness?: boolean | null;
  /** Adapter `load_3d_mask`: the 3D mask may replace the oval. */
  load_3d_mask?: boolean;
  actions: ActionId[];
  integrity: {
    mode: 'production' | 'development';
    trusted_test_devices: string[];
    /** Reaction to open devtools (adapter `devtools_reaction`); `flag` when absent. */
    devtools?: 'ignore' | 'flag' | 'block';
  };
}

/**
 * The session of an adapter-less static deployment (declared with `open({static_deployment: true})` or
 * `data-architecture="capture"` on the plugin's script tag, docs/embedding.md): capture only, strict checks. Never a fallback for a
 * session request that failed.
 */
export function captureOnlySession(eventSessionId: string, actions: ActionId[]): SessionInfo {
  return {
    session: '',
    event_session_id: eventSessionId,
    architecture: 'capture',
    result_mode: 'safe',
    results_polling_interval: 1000,
    disable_adapter_errors_on_screen: false,
    use_wasm_container: false,
    actions,
    integrity: { mode: 'production', trusted_test_devices: [] },
  };
}

/** Refusals of the adapter's origin policy and licence check, reported under their own code. */
const LICENSE_CODES = new Set([
  'license_invalid',
  'license_expired',
  'license_origin_mismatch',
  'license_missing',
  'origin_not_allowed',
]);

async function errorOf(
  res: Response,
  fallback: 'api_unavailable' | 'upload_failed' | 'session_rejected',
): Promise<LivenessFailure> {
  let body: { code?: unknown; message?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: keep the status only
  }
  const code = typeof body.code === 'string' ? body.code : '';
  const message = typeof body.message === 'string' ? body.message : `HTTP ${res.status}`;
  if (LICENSE_CODES.has(code)) {
    return new LivenessFailure(code as 'license_invalid', message, { status: res.status });
  }
  if (code.startsWith('container_')) {
    return new LivenessFailure('container_rejected', message, { status: res.status, adapter_code: code });
  }
  if (code === 'api_unavailable' || res.status >= 500) {
    return new LivenessFailure('api_unavailable', message, { status: res.status, adapter_code: code });
  }
  return new LivenessFailure(fallback, message, { status: res.status, adapter_code: code });
}

export interface SessionRequest {
  event_session_id: string;
  actions?: ActionId[];
  meta: Record<string, string>;
  token?: string;
  /** From open({license}) or fetched from open({licenseUrl}); the adapter verifies it. */
  license?: LicenseData | unknown;
}

/**
 * Starts a session with the adapter. Every failure is an error, never a silent capture-only fallback: no
 * answer (network, CORS) is `adapter_unreachable`, a licence or origin refusal keeps its code, any other 4xx
 * is `session_rejected`, a 5xx `api_unavailable`. The session machine bounds the wait (`session_timeout`).
 */
export async function startSession(
  base: string,
  req: SessionRequest,
  signal: AbortSignal,
  env: { fetch: typeof fetch; origin: string } = {
    fetch: globalThis.fetch.bind(globalThis),
    origin: location.origin,
  },
): Promise<SessionInfo> {
  let res: Response;
  try {
    res = await env.fetch(`${base}api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-event-session-id': req.event_session_id },
      body: JSON.stringify({ ...req, origin: env.origin }),
      credentials: 'omit',
      signal,
    });
  } catch (err) {
    if (signal.aborted) throw err;
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new LivenessFailure('adapter_unreachable', `session request to ${base} failed: ${detail}`, {
      reason: 'network',
      adapter: base,
    });
  }
  if (!res.ok) throw await errorOf(res, res.status >= 500 ? 'api_unavailable' : 'session_rejected');
  try {
    return (await res.json()) as SessionInfo;
  } catch {
    throw new LivenessFailure('session_rejected', 'the session answer is not JSON', { status: res.status });
  }
}

/**
 * Uploads the capture with progress events (fetch has no upload progress, XHR does): a multipart body to
 * `/media`, or a sealed container to `/container`.
 */
export function uploadMedia(
  base: string,
  info: SessionInfo,
  body: FormData | Uint8Array,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<{ session: string; result: ResultPayload }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const kind = body instanceof FormData ? 'media' : 'container';
    xhr.open('POST', `${base}api/v1/sessions/${encodeURIComponent(info.session)}/${kind}`);
    if (kind === 'container') xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-event-session-id', info.event_session_id);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable && ev.total > 0) onProgress(ev.loaded / ev.total);
    };
    xhr.onerror = () => reject(new LivenessFailure('upload_failed', 'network error during upload'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        res
          .json()
          .then((json: { session: string } & ResultPayload) => {
            const { session, ...result } = json;
            resolve({ session, result: result as ResultPayload });
          })
          .catch(() => reject(new LivenessFailure('upload_failed', 'unreadable adapter answer')));
      } else {
        void errorOf(res, 'upload_failed').then(reject);
      }
    };
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body instanceof FormData ? body : new Blob([body as Uint8Array<ArrayBuffer>]));
  });
}

export async function fetchResult(
  base: string,
  session: string,
  eventSessionId: string,
  signal: AbortSignal,
): Promise<ResultPayload> {
  const res = await fetch(`${base}api/v1/sessions/${encodeURIComponent(session)}/result`, {
    headers: { 'x-event-session-id': eventSessionId },
    signal,
  });
  if (!res.ok) throw await errorOf(res, 'api_unavailable');
  return (await res.json()) as ResultPayload;
}
