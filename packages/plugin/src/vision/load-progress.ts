/** Bytes of the model's files fetched so far; `total` is null while any file's size is unknown. */
export interface LoadProgress {
  loaded: number;
  total: number | null;
}

/**
 * Adds up several downloads into one progress report. Reports at most once per `step` of the whole (and
 * once at the end), so a fast network does not flood the page with messages.
 */
export class LoadMeter {
  private readonly parts: Array<{ loaded: number; total: number | null }> = [];
  private lastFraction = -1;
  private lastTotalKnown = false;

  constructor(
    private readonly report: (p: LoadProgress) => void,
    private readonly step = 0.01,
  ) {}

  /** Registers one download of `total` bytes (null: no Content-Length); returns its byte counter. */
  track(total: number | null): (bytes: number) => void {
    const part = { loaded: 0, total: total !== null && total > 0 ? total : null };
    this.parts.push(part);
    return (bytes) => {
      part.loaded += bytes;
      this.maybeReport();
    };
  }

  current(): LoadProgress {
    let loaded = 0;
    let total: number | null = 0;
    for (const p of this.parts) {
      loaded += p.loaded;
      total = total === null || p.total === null ? null : total + p.total;
    }
    return { loaded, total };
  }

  private maybeReport(): void {
    const now = this.current();
    if (now.total === null) {
      // Unknown size: only the byte count moves; say so once, the page shows no percentage.
      if (this.lastTotalKnown || this.lastFraction < 0) {
        this.lastTotalKnown = false;
        this.lastFraction = 0;
        this.report(now);
      }
      return;
    }
    const fraction = Math.min(1, now.loaded / now.total);
    if (fraction - this.lastFraction >= this.step || (fraction === 1 && this.lastFraction < 1)) {
      this.lastFraction = fraction;
      this.lastTotalKnown = true;
      this.report(now);
    }
  }
}

/** The share of `p` done, 0..1, or null when the size is unknown. Bytes beyond the size count as 99 %. */
export function loadFraction(p: LoadProgress | null): number | null {
  if (!p || p.total === null || p.total <= 0) return null;
  if (p.loaded >= p.total) return p.loaded === p.total ? 1 : 0.99;
  return Math.max(0, p.loaded / p.total);
}

/**
 * Fetches `url` and hands back its body as a stream whose bytes are counted by `meter`. The size comes from
 * Content-Length (CORS-safelisted, so readable cross-origin); an error status is a rejection.
 */
export async function countedFetch(url: string, meter: LoadMeter): Promise<ReadableStream<Uint8Array>> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
  const length = Number(res.headers.get('content-length') ?? '');
  const count = meter.track(Number.isFinite(length) && length > 0 ? length : null);
  return res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        count(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
}
