/** A classic worker and the way to stop it for good (worker and bootstrap URL). */
export interface ClassicWorker {
  readonly worker: Worker;
  stop(): void;
}

/**
 * Starts a classic worker from a script URL through a tiny blob bootstrap that importScripts() it:
 * `new Worker(url)` must be same-origin with the page, and the plugin may be served from the adapter's.
 */
export function startClassicWorker(scriptUrl: string): ClassicWorker {
  const source = `importScripts(${JSON.stringify(scriptUrl)});`;
  const bootstrap = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(bootstrap);
  return {
    worker,
    stop() {
      worker.terminate();
      URL.revokeObjectURL(bootstrap);
    },
  };
}
