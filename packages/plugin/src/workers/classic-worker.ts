/** A classic worker and the way to stop it for good (worker and bootstrap URL). */
export interface ClassicWorker {
  readonly worker: Worker;
  stop(): void;
}

/**
 * Starts a classic worker from a script URL. Same-origin with the page: directly. Cross-origin (the plugin
 * served by the adapter on another origin): through a tiny blob bootstrap that importScripts() it, because
 * `new Worker(url)` must be same-origin with the page — which is why a cross-origin host page's CSP needs
 * `worker-src blob:` (docs/embedding.md).
 */
export function startClassicWorker(scriptUrl: string): ClassicWorker {
  if (new URL(scriptUrl, location.href).origin === location.origin) {
    const worker = new Worker(scriptUrl);
    return { worker, stop: () => worker.terminate() };
  }
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
