import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AntispoofScores } from './antispoof.js';
import type { FaceEngine, FaceFound } from './engine.js';
import type { Box, Point, RgbImage } from './image.js';

/** What the jobs use: every public member of FaceEngine, whether it runs here or in worker threads. */
export type FaceToolkit = { [K in keyof FaceEngine]: FaceEngine[K] };

export interface EngineWorkerData {
  readonly modelsDir: string;
  readonly threads: number;
}

type EngineCall =
  | { method: 'decode'; bytes: Uint8Array }
  | { method: 'mainFace'; image: RgbImage }
  | { method: 'antispoofScores' | 'landmarks' | 'embedding'; image: RgbImage; box: Box };

export type EngineRequest = EngineCall & { id: number };

export type EngineReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string };

/** The compiled worker beside this module; absent when the sources run untranspiled (vitest). */
export const ENGINE_WORKER_URL = new URL('./engineWorker.js', import.meta.url);

export function engineWorkerAvailable(url: URL = ENGINE_WORKER_URL): boolean {
  return url.protocol === 'file:' && existsSync(fileURLToPath(url));
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

class EngineThread {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;
  readonly ready: Promise<void>;

  constructor(url: URL, data: EngineWorkerData, onExit: (t: EngineThread, err: Error) => void) {
    this.worker = new Worker(url, { workerData: data });
    let started = false;
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (m: EngineReply | 'ready' | { fatal: string }) => {
        if (m === 'ready') {
          started = true;
          resolve();
          return;
        }
        if ('fatal' in m) {
          reject(new Error(`inference worker failed to start: ${m.fatal}`));
          return;
        }
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.message));
      });
      this.worker.on('error', (e) => {
        if (!started) reject(e);
        onExit(this, e);
      });
      this.worker.on('exit', (code) => {
        if (!started) reject(new Error(`inference worker exited with ${code}`));
        onExit(this, new Error(`inference worker exited with ${code}`));
      });
    });
  }

  send(req: EngineRequest, p: Pending, transfer: ArrayBuffer[] = []): void {
    this.pending.set(req.id, p);
    this.worker.postMessage(req, transfer);
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((r) => this.worker.once('exit', () => r()));
    this.worker.postMessage('close');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
    await this.worker.terminate();
  }
}

/**
 * FaceEngine calls spread over `size` worker threads, each with its own models (a few MB each):
 * a call goes to the thread with the fewest calls in flight. A thread that dies fails its pending
 * calls (the analysis is then FAILED with an internal error, never lost) and is replaced.
 */
export class FaceEnginePool implements FaceToolkit {
  private threads: EngineThread[] = [];
  private nextId = 1;
  /** Frames already copied into shared memory, so later calls on the same frame post no copy. */
  private readonly shared = new WeakMap<RgbImage, RgbImage>();
  private closing = false;

  private constructor(
    private readonly url: URL,
    private readonly data: EngineWorkerData,
    private readonly onError: (e: Error) => void,
  ) {}

  static async start(
    size: number,
    data: EngineWorkerData,
    options: { url?: URL; onError?: (e: Error) => void } = {},
  ): Promise<FaceEnginePool> {
    const pool = new FaceEnginePool(options.url ?? ENGINE_WORKER_URL, data, options.onError ?? (() => {}));
    pool.threads = Array.from({ length: Math.max(1, size) }, () => pool.spawn());
    try {
      await Promise.all(pool.threads.map((t) => t.ready));
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  get size(): number {
    return this.threads.length;
  }

  private spawn(): EngineThread {
    return new EngineThread(this.url, this.data, (t, err) => this.lost(t, err));
  }

  private lost(t: EngineThread, err: Error): void {
    const i = this.threads.indexOf(t);
    if (i < 0) return;
    for (const p of t.pending.values()) p.reject(err);
    t.pending.clear();
    if (this.closing) return;
    this.onError(err);
    const fresh = this.spawn();
    fresh.ready.catch((e: Error) => this.onError(e));
    this.threads[i] = fresh;
  }

  private call<T>(req: EngineCall, transfer?: ArrayBuffer[]): Promise<T> {
    if (this.closing) return Promise.reject(new Error('inference pool is closed'));
    let best = this.threads[0] as EngineThread;
    for (const t of this.threads) if (t.pending.size < best.pending.size) best = t;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      best.send({ ...req, id }, { resolve: resolve as (v: unknown) => void, reject }, transfer);
    });
  }

  /**
   * Decodes in a worker thread; the pixels come back in shared memory, so the later calls on the
   * frame post no copy. The bytes are copied once into a buffer of their own and moved, never
   * cloned: a frame read from an archive may be a view into the whole archive.
   */
  decode(bytes: Uint8Array): Promise<RgbImage> {
    const own = bytes.slice();
    return this.call({ method: 'decode', bytes: own }, [own.buffer]);
  }

  /**
   * The frame with its pixels in a SharedArrayBuffer: postMessage then shares them instead of
   * cloning about 1 MB per call (a frame gets three or four calls). Workers only read them.
   */
  private sharedImage(img: RgbImage): RgbImage {
    if (img.data.buffer instanceof SharedArrayBuffer) return img;
    let copy = this.shared.get(img);
    if (!copy) {
      const data = new Uint8Array(new SharedArrayBuffer(img.data.byteLength));
      data.set(img.data);
      copy = { width: img.width, height: img.height, data };
      this.shared.set(img, copy);
    }
    return copy;
  }

  mainFace(img: RgbImage): Promise<FaceFound | null> {
    return this.call({ method: 'mainFace', image: this.sharedImage(img) });
  }

  antispoofScores(img: RgbImage, face: Box): Promise<AntispoofScores> {
    return this.call({ method: 'antispoofScores', image: this.sharedImage(img), box: face });
  }

  landmarks(img: RgbImage, face: Box): Promise<Point[]> {
    return this.call({ method: 'landmarks', image: this.sharedImage(img), box: face });
  }

  embedding(img: RgbImage, face: Box): Promise<Float32Array> {
    return this.call({ method: 'embedding', image: this.sharedImage(img), box: face });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.close()));
    for (const t of this.threads)
      for (const p of t.pending.values()) p.reject(new Error('inference pool closed'));
  }
}
