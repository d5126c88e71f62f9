/// <reference lib="webworker" />
// The pack worker: builds ZIP shot sets off the main thread, and keeps jszip out of the page's script.
import { type PackRequest, type PackResponse, zipShotSet } from './zip.js';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (ev: MessageEvent<PackRequest>) => {
  const { id, sets } = ev.data;
  Promise.all(sets.map((set) => zipShotSet(set.frames, set.manifest)))
    .then((zips) => self.postMessage({ id, zips } satisfies PackResponse))
    .catch((err: unknown) => self.postMessage({ id, error: String(err) } satisfies PackResponse));
};
