import { LivenessFailure } from '../errors/codes.js';
import { startClassicWorker } from '../workers/classic-worker.js';
import type { MaskLook } from './mask/look.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { FaceMetrics } from './types.js';

export interface FrameResult {
  id: number;
  metrics: FaceMetrics;
  inferenceMs: number;
  jpeg: Blob | null;
}

export interface VisionUrls {
  workerUrl: string;
  wasmBaseUrl: string;
  modelUrl: string;
}

/** The page side of the vision worker (started with startClassicWorker: the plugin may be cross-origin). */
export class VisionClient {
  private readonly worker: Worker;
  private readonly stopWorker: () => void;
  private nextId = 1;
  private readonly waiting = new Map<number, (r: FrameResult | null) => void>();
  private readonly clips = new Map<number, (r: { bestFrameId: number; png: Blob | null }) => void>();
  private ready: Promise<number>;
  private isReady = false;
  private crashListener: ((failure: LivenessFailure) => void) | null = null;
  private progressListener: ((fraction: number | null) => void) | null = null;
  private readonly workerUrl: string;

  constructor(urls: VisionUrls) {
    this.workerUrl = urls.workerUrl;
    const started = startClassicWorker(urls.workerUrl);
    this.worker = started.worker;
    this.stopWorker = started.stop;
    this.ready = new Promise<number>((resolve, reject) => {
      this.worker.onerror = (ev) => {
        ev.preventDefault();
        if (this.isReady) {
          // After start-up an uncaught error (a wasm abort, an out-of-memory kill) ends the model for good.
          this.crash(`vision worker crashed: ${ev.message || 'uncaught error'}`);
          return;
        }
        reject(
          new LivenessFailure(
            'resource_load_failed',
            `vision worker failed: ${ev.message || urls.workerUrl}`,
          ),
        );
      };
      this.worker.onmessageerror = () => this.crash('vision worker sent an unreadable message');
      this.worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        const msg = ev.data;
        if (msg.type === 'ready') {
          this.isReady = true;
          resolve(msg.initMs);
        } else if (msg.type === 'progress') {
          this.progressListener?.(msg.fraction);
        } else if (msg.type === 'crashed') this.crash(msg.detail);
        else if (msg.type === 'init-failed')
          reject(new LivenessFailure('resource_load_failed', msg.detail, { ...urls }));
        else this.onMessage(msg);
      };
    });
    this.send({ type: 'init', wasmBaseUrl: urls.wasmBaseUrl, modelUrl: urls.modelUrl });
  }

  /** Called once if the worker dies after start-up; the session then ends with on_error. */
  onCrash(listener: (failure: LivenessFailure) => void): void {
    this.crashListener = listener;
  }

  /**
   * Download progress of the model's files until it is ready (a client warmed by `preinit: full` reports
   * from its next step on).
   */
  onProgress(listener: (fraction: number | null) => void): void {
    this.progressListener = listener;
  }

  private crash(detail: string): void {
    const listener = this.crashListener;
    this.crashListener = null;
    this.terminate();
    listener?.(new LivenessFailure('vision_crashed', detail));
  }

  /** Resolves with the model's load time in ms once it can analyse frames. */
  whenReady(): Promise<number> {
    return this.ready;
  }

  private send(msg: ToWorker, transfer: Transferable[] = []) {
    this.worker.postMessage(msg, transfer);
  }

  private onMessage(msg: FromWorker) {
    if (msg.type === 'result') {
      this.waiting.get(msg.id)?.({
        id: msg.id,
        metrics: msg.metrics,
        inferenceMs: msg.inferenceMs,
        jpeg: msg.jpeg,
      });
      this.waiting.delete(msg.id);
    } else if (msg.type === 'frame-failed') {
      this.waiting.get(msg.id)?.(null);
      this.waiting.delete(msg.id);
    } else if (msg.type === 'clip-finished') {
      this.clips.get(msg.clipId)?.({ bestFrameId: msg.bestFrameId, png: msg.png });
      this.clips.delete(msg.clipId);
    }
  }

  /** Analyses one frame (the bitmap is transferred). Null when the worker could not process it. */
  analyse(
    bitmap: ImageBitmap,
    timestamp: number,
    record: { clipId: number; jpegQuality: number } | null,
  ): Promise<FrameResult | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ type: 'frame', id, timestamp, bitmap, record }, [bitmap]);
    });
  }

  finishClip(clipId: number): Promise<{ bestFrameId: number; png: Blob | null }> {
    return new Promise((resolve) => {
      this.clips.set(clipId, resolve);
      this.send({ type: 'finish-clip', clipId });
    });
  }

  /** Hands the 3D mask's canvas to the worker, which loads the renderer next to itself and draws on it. */
  showMask(canvas: OffscreenCanvas, look: MaskLook): void {
    const rendererUrl = new URL('mask_renderer.js', new URL(this.workerUrl, location.href)).href;
    this.send({ type: 'mask', canvas, rendererUrl, look }, [canvas]);
  }

  hideMask(): void {
    this.send({ type: 'mask-off' });
  }

  dropClip(clipId: number): void {
    this.send({ type: 'drop-clip', clipId });
  }

  terminate(): void {
    this.stopWorker();
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    for (const resolve of this.clips.values()) resolve({ bestFrameId: -1, png: null });
    this.clips.clear();
  }
}
