import type { Clip } from '../capture/clip.js';
import { LivenessFailure } from '../errors/codes.js';
import type { NormalizedOptions, ResultPayload } from '../options.js';
import { packShotSets } from '../pack/client.js';
import { sealCapture } from '../pack/container.js';
import { fetchResult, type SessionInfo, uploadMedia } from '../transport/adapter-api.js';
import { pollResult } from '../transport/result-poller.js';
import type { Telemetry } from '../transport/telemetry.js';
import type { Store } from './store.js';
import type { ViewState } from './view-state.js';

export interface SubmitDeps {
  base: string;
  /** Script of the pack worker (ZIP building off the main thread). */
  packWorkerUrl: string;
  info: SessionInfo;
  clips: Array<{ clip: Clip; additionalInfo: string }>;
  options: NormalizedOptions;
  view: Store<ViewState>;
  telemetry: Telemetry;
  signal: AbortSignal;
  onSubmit: () => void;
  onResult: (r: ResultPayload) => void;
  onComplete: (r: ResultPayload) => void;
}

/** normal/lite: pack each clip as a ZIP shot set, upload with progress, then poll results. */
export async function submitCapture(d: SubmitDeps): Promise<void> {
  d.view.set({ phase: 'uploading', statusKey: 'uploading_data', upload: 0 });
  const body = await buildBody(d);
  d.telemetry.add('upload_start');
  const uploaded = await uploadMedia(d.base, d.info, body, (f) => d.view.set({ upload: f }), d.signal);
  d.telemetry.add('upload_done');
  d.onSubmit();
  d.view.set({ phase: 'processing', statusKey: 'processing_data', upload: null });
  if (uploaded.result.state !== 'finished') d.onResult(uploaded.result);
  const finished =
    uploaded.result.state === 'finished'
      ? uploaded.result
      : await pollResult(
          {
            fetchOnce: (signal) => fetchResult(d.base, uploaded.session, d.info.event_session_id, signal),
            intervalMs: d.info.results_polling_interval,
            maxFailures: 5,
            onUpdate: d.onResult,
          },
          d.signal,
        );
  d.telemetry.add('result', typeof finished.state === 'string' ? finished.state : undefined);
  d.onComplete(finished);
}

/** The sealed container when the adapter asks for one, else the multipart form of docs/protocol.md §2. */
export async function buildBody(
  d: Pick<SubmitDeps, 'info' | 'options' | 'clips' | 'packWorkerUrl'>,
): Promise<FormData | Uint8Array> {
  const token = d.info.session_token ?? d.options.session_token;
  if (d.info.use_wasm_container) {
    if (!token || !d.info.container_public_key) {
      throw new LivenessFailure(
        'container_rejected',
        'the adapter wants a sealed container but gave no key or token',
      );
    }
    return sealCapture(d.clips, token, d.info.container_public_key, d.options.meta);
  }
  const form = new FormData();
  const media: Array<{ field: string; action: string; kind: 'shots_set' }> = [];
  const zips = await packShotSets(d.packWorkerUrl, d.clips);
  for (const [i, { clip }] of d.clips.entries()) {
    const field = `video${i + 1}`;
    const zip = zips[i];
    if (!zip) throw new LivenessFailure('internal_error', `no shot set for ${clip.action}`);
    form.append(field, zip, `${field}.zip`);
    media.push({ field, action: clip.action, kind: 'shots_set' });
  }
  form.append(
    'manifest',
    JSON.stringify({ version: 1, media, meta: d.options.meta, params: d.options.params ?? {} }),
  );
  return form;
}
