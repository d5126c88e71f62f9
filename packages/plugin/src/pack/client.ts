import type { Clip } from '../capture/clip.js';
import { LivenessFailure } from '../errors/codes.js';
import { shotSetManifest } from './shot-set.js';
import type { PackRequest, PackResponse } from './zip.js';

/**
 * Packs clips into ZIP shot sets in the pack worker, started for this one job (through a blob bootstrap,
 * so the plugin may live on another origin than the page) and stopped when it is done.
 */
export function packShotSets(
  workerUrl: string,
  clips: ReadonlyArray<{ clip: Clip; additionalInfo: string }>,
): Promise<Blob[]> {
  const bootstrap = URL.createObjectURL(
    new Blob([`importScripts(${JSON.stringify(workerUrl)});`], { type: 'text/javascript' }),
  );
  const worker = new Worker(bootstrap);
  const done = () => {
    worker.terminate();
    URL.revokeObjectURL(bootstrap);
  };
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
