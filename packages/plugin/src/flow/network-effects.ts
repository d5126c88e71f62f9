import { loadLicenseFromUrl } from '../licensing/load.js';
import type { ResultPayload } from '../options.js';
import { fetchResult, type SessionInfo, startSession, uploadMedia } from '../transport/adapter-api.js';
import type { DriverContext } from './driver-context.js';
import { failure, failureOf } from './host-effects.js';
import type { SessionEvent } from './session-types.js';
import { buildBody } from './submit.js';

/** The page's licence: `license` as given, else the JSON at `licenseUrl` (relative to the page). */
async function pageLicense(ctx: DriverContext): Promise<unknown> {
  const { license, licenseUrl } = ctx.options;
  if (license) return license;
  if (!licenseUrl) return undefined;
  const url = new URL(licenseUrl, ctx.env.location.href).href;
  const loaded = await loadLicenseFromUrl(url, ctx.env.fetch);
  if (!loaded.ok) throw failure('license_invalid', loaded.message, { licenseUrl });
  return loaded.value;
}

/** Asks the adapter for a session, through the injected fetch and with the page's origin. */
export async function requestSession(ctx: DriverContext): Promise<SessionInfo> {
  const signal = ctx.held().abort.signal;
  const license = await pageLicense(ctx);
  const { options } = ctx;
  const request = {
    event_session_id: ctx.id,
    meta: options.meta,
    ...(options.actionGiven ? { actions: options.action } : {}),
    ...(options.token ? { token: options.token } : {}),
    ...(license !== undefined ? { license } : {}),
  };
  return startSession(ctx.deps.base, request, signal, {
    fetch: ctx.env.fetch,
    origin: ctx.env.location.origin,
  });
}

/** The upload body for what was captured: a form, or the sealed container. */
export function captureBody(ctx: DriverContext): Promise<FormData | Uint8Array> {
  const state = ctx.state();
  const info = state.info;
  if (!info) return Promise.reject(failure('internal_error', 'no session'));
  return buildBody({
    info,
    options: ctx.options,
    clips: state.captured,
    photos: state.photos,
    packWorkerUrl: ctx.deps.packWorkerUrl,
  });
}

/** The sealed body as a blob for the page (capture architecture with the wasm container). */
export async function seal(ctx: DriverContext, attempt: number): Promise<SessionEvent> {
  const body = await captureBody(ctx);
  return {
    type: 'sealed',
    attempt,
    blob: new Blob([body as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
  };
}

/** Uploads the capture, reporting the fraction sent as `upload-progress` events. */
export async function upload(ctx: DriverContext, attempt: number): Promise<SessionEvent> {
  const info = ctx.state().info;
  if (!info) throw failure('internal_error', 'no session');
  const body = await captureBody(ctx);
  const held = ctx.held();
  const uploaded = await uploadMedia(
    ctx.deps.base,
    info,
    body,
    (fraction) => ctx.dispatch({ type: 'upload-progress', attempt, fraction }),
    held.abort.signal,
  );
  held.uploadedSession = uploaded.session;
  return { type: 'uploaded', attempt, result: uploaded.result };
}

/** One poll of the analysis result; a failure goes back as `poll-failed` so the machine decides on a retry. */
export function pollResult(ctx: DriverContext, attempt: number): void {
  const held = ctx.held();
  const info = ctx.state().info;
  if (!info || !held.uploadedSession) return;
  fetchResult(ctx.deps.base, held.uploadedSession, info.event_session_id, held.abort.signal).then(
    (result: ResultPayload) => ctx.dispatch({ type: 'result', attempt, result }),
    (err: unknown) => {
      if (held.abort.signal.aborted) return;
      const f = failureOf(err);
      ctx.dispatch({
        type: 'poll-failed',
        attempt,
        failure: f.code === 'internal_error' ? { ...f, code: 'api_unavailable' } : f,
      });
    },
  );
}
