import type { Clip } from '../capture/clip.js';
import { LivenessFailure } from '../errors/codes.js';
import { startClassicWorker } from '../workers/classic-worker.js';
import { shotSetManifest } from './shot-set.js';
import type { PackRequest, PackResponse } from './zip.js';

/** Packs clips into ZIP shot sets in the pack worker, started for this one job and stopped when done. */
export function packShotSets(
  workerUrl: string,
  clips: ReadonlyArray<{ clip: Clip; additionalInfo: string }>,
): Promise<Blob[]> {
  const { worker, stop: done } = startClassicWorker(workerUrl);
  return new Promise<Blob[]>((resolve, reject) => {
    worker.onerror = (ev) => {
      ev.preventDefault();
      done();
      reject(new LivenessFailure('resource_load_failed', `pack worker failed: ${ev.message || workerUrl}`));
    };
    worker.onmessage = (ev: MessageEvent<PackResponse>) => {
      done();
      if ('error' in ev.data)
        reject(new LivenessFailure('internal_error', `packing failed: ${ev.data.error}`));
      else resolve(ev.data.zips);
    };
    const request: PackRequest = {
      id: 1,
      sets: clips.map(({ clip, additionalInfo }) => ({
        frames: clip.frames.map((f) => f.jpeg),
        manifest: shotSetManifest(clip, additionalInfo),
      })),
    };
    worker.postMessage(request);
  });
}
