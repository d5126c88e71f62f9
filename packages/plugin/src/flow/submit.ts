import type { Clip } from '../capture/clip.js';
import type { CapturedPhoto } from '../document/contract.js';
import { LivenessFailure } from '../errors/codes.js';
import type { NormalizedOptions } from '../options.js';
import { packShotSets } from '../pack/client.js';
import { sealCapture } from '../pack/container.js';
import type { SessionInfo } from '../transport/adapter-api.js';

export interface BodyDeps {
  /** Script of the pack worker (ZIP building off the main thread). */
  packWorkerUrl: string;
  info: SessionInfo;
  clips: ReadonlyArray<{ clip: Clip; additionalInfo: string }>;
  /** The document photos, sent as photo1, photo2… (kind `photo`); the adapter tags them. */
  photos?: readonly CapturedPhoto[];
  options: NormalizedOptions;
}

/** The sealed container when the adapter asks for one, else the multipart form of docs/protocol.md §2. */
export async function buildBody(d: BodyDeps): Promise<FormData | Uint8Array> {
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
  const media: Array<{ field: string; action: string; kind: 'shots_set' | 'photo' }> = [];
  // A photo-only session has no shot set to pack: no pack worker is started for it.
  const zips = d.clips.length > 0 ? await packShotSets(d.packWorkerUrl, d.clips) : [];
  for (const [i, { clip }] of d.clips.entries()) {
    const field = `video${i + 1}`;
    const zip = zips[i];
    if (!zip) throw new LivenessFailure('internal_error', `no shot set for ${clip.action}`);
    form.append(field, zip, `${field}.zip`);
    media.push({ field, action: clip.action, kind: 'shots_set' });
  }
  for (const [i, photo] of (d.photos ?? []).entries()) {
    const field = `photo${i + 1}`;
    form.append(field, photo.blob, `${field}.jpg`);
    media.push({ field, action: photo.action, kind: 'photo' });
  }
  form.append(
    'manifest',
    JSON.stringify({ version: 1, media, meta: d.options.meta, params: d.options.params ?? {} }),
  );
  return form;
}
