/**
 * Adapter `preinit` (adapter-config.md §2): what the plugin loads before `open()`.
 * - `off`: nothing; everything loads when open() is called (nothing on the host page until then).
 * - `script`: the plugin's libraries (vision worker, its wasm runtime, pack worker) are fetched into
 *   the HTTP cache, so open() does not wait for them on the network.
 * - `full`: the vision worker is started and the face model initialised; the next open() adopts it.
 */
export const PREINIT_MODES = ['off', 'script', 'full'] as const;
export type PreinitMode = (typeof PREINIT_MODES)[number];

export function parsePreinit(raw: unknown): PreinitMode {
  const v = typeof raw === 'string' ? raw.trim() : '';
  return (PREINIT_MODES as readonly string[]).includes(v) ? (v as PreinitMode) : 'off';
}

/** The part of a vision client the preloader needs: something that warms up and can be stopped. */
export interface Warmable {
  whenReady(): Promise<number>;
  terminate(): void;
}

export interface PreinitDeps<V extends Warmable> {
  /** Starts a vision worker and its model. */
  createVision(): V;
  /** Fetches one URL into the HTTP cache (never throws). */
  prefetch(url: string): void;
  /** What `script` pre-loads. */
  libraryUrls: readonly string[];
}

export interface Preloader<V extends Warmable> {
  readonly mode: PreinitMode;
  /** The warm vision client for a session that starts now (`full`), once; null otherwise. */
  takeVision(): V | null;
  /** A session ended: with `full`, warm the next one so a second open() starts as fast as the first. */
  sessionEnded(): void;
}

export function startPreinit<V extends Warmable>(mode: PreinitMode, deps: PreinitDeps<V>): Preloader<V> {
  let warm: V | null = null;
  const warmUp = () => {
    warm = deps.createVision();
    // A failed warm-up surfaces in the session that adopts it (resource_load_failed), not here.
    warm.whenReady().catch(() => {});
  };
  if (mode === 'script') for (const url of deps.libraryUrls) deps.prefetch(url);
  if (mode === 'full') warmUp();
  return {
    mode,
    takeVision() {
      const v = warm;
      warm = null;
      return v;
    },
    sessionEnded() {
      if (mode === 'full' && warm === null) warmUp();
    },
  };
}

/** `fetch` into the HTTP cache at low priority; a failure only means open() fetches it itself. */
export function prefetchIntoCache(url: string): void {
  try {
    void fetch(url, { credentials: 'omit', priority: 'low' } as RequestInit).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
  } catch {
    // no fetch: nothing to pre-load
  }
}
