import { LivenessFailure } from '../errors/codes.js';
import { startClassicWorker } from '../workers/classic-worker.js';
import { InOrder, visionPoolSize } from './in-order.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { FaceMetrics } from './types.js';

export interface FrameResult {
  id: number;
  metrics: FaceMetrics;
  inferenceMs: number;
  /** The frame's JPEG when it was recorded; it is encoded after the result, off the inference path. */
  jpeg: Promise<Blob | null> | null;
}

export interface VisionUrls {
  workerUrl: string;
  wasmBaseUrl: string;
  modelUrl: string;
}

interface Slot {
  post: (msg: ToWorker, transfer?: Transferable[]) => void;
  stop: () => void;
  ready: boolean;
  busy: number;
}

interface ClipWait {
  left: number;
  best: { bestFrameId: number; score: number; png: Blob | null };
  resolve: (r: { bestFrameId: number; png: Blob | null }) => void;
}

/**
 * The page side of the vision workers (started with startClassicWorker: the plugin may be cross-origin).
 * Where the device has the cores, two workers each hold the model and frames alternate between them;
 * results come back in the order the frames were sent (InOrder), so the action machine sees capture order.
 * Ready as soon as the first worker is (warm start); the second starts then and joins when it is loaded.
 */
export class VisionClient {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private readonly waiting = new Map<number, (r: FrameResult | null) => void>();
  private readonly order = new InOrder<FrameResult | null>((id, r) => {
    this.waiting.get(id)?.(r);
    this.waiting.delete(id);
  });
  private readonly clips = new Map<number, ClipWait>();
  private readonly jpegs = new Map<number, (b: Blob | null) => void>();
  private ready: Promise<number>;
  private crashListener: ((failure: LivenessFailure) => void) | null = null;
  private stopped = false;

  constructor(urls: VisionUrls, workers = visionPoolSize(navigator.hardwareConcurrency)) {
    this.ready = new Promise<number>((resolve, reject) => {
      // One worker after the other: the first loads its model with the whole device (warm start), and
      // the next starts once it is ready. Only the first decides whether the model loads; a later one
      // that fails just leaves the pool.
      const start = (i: number) => {
        const { worker, stop } = startClassicWorker(urls.workerUrl);
        const slot: Slot = {
          post: (msg, transfer = []) => worker.postMessage(msg, transfer),
          stop,
          ready: false,
          busy: 0,
        };
        const failed = (f: LivenessFailure) => (i === 0 ? reject(f) : this.drop(slot));
        worker.onerror = (ev) => {
          ev.preventDefault();
          // After start-up an uncaught error (a wasm abort, an out-of-memory kill) ends the model for good.
          if (slot.ready) this.crash(`vision worker crashed: ${ev.message || 'uncaught error'}`);
          else
            failed(
              new LivenessFailure(
                'resource_load_failed',
                `vision worker failed: ${ev.message || urls.workerUrl}`,
              ),
            );
        };
        worker.onmessageerror = () => this.crash('vision worker sent an unreadable message');
        worker.onmessage = (ev: MessageEvent<FromWorker>) => {
          const msg = ev.data;
          if (msg.type === 'ready') {
            slot.ready = true;
            resolve(msg.initMs);
            if (i + 1 < workers && !this.stopped) start(i + 1);
          } else if (msg.type === 'crashed') this.crash(msg.detail);
          else if (msg.type === 'init-failed')
            failed(new LivenessFailure('resource_load_failed', msg.detail, { ...urls }));
          else this.onMessage(slot, msg);
        };
        slot.post({ type: 'init', wasmBaseUrl: urls.wasmBaseUrl, modelUrl: urls.modelUrl });
        this.slots.push(slot);
      };
      start(0);
    });
  }

  /** Frames the workers can take at once (one per ready worker); at least 1. */
  get capacity(): number {
    return Math.max(1, this.slots.filter((s) => s.ready).length);
  }

  /** Called once if a worker dies after start-up; the session then ends with on_error. */
  onCrash(listener: (failure: LivenessFailure) => void): void {
    this.crashListener = listener;
  }

  private crash(detail: string): void {
    const listener = this.crashListener;
    this.crashListener = null;
    this.terminate();
    listener?.(new LivenessFailure('vision_crashed', detail));
  }

  private drop(slot: Slot): void {
    slot.stop();
    this.slots.splice(this.slots.indexOf(slot), 1);
  }

  /** Resolves with the model's load time in ms once it can analyse frames. */
  whenReady(): Promise<number> {
    return this.ready;
  }

  private onMessage(slot: Slot, msg: FromWorker) {
    if (msg.type === 'result' || msg.type === 'frame-failed') {
      slot.busy--;
      const { id } = msg;
      const jpeg =
        msg.type === 'result' && msg.encoding
          ? new Promise<Blob | null>((resolve) => this.jpegs.set(id, resolve))
          : null;
      this.order.put(
        id,
        msg.type === 'result' ? { id, metrics: msg.metrics, inferenceMs: msg.inferenceMs, jpeg } : null,
      );
    } else if (msg.type === 'jpeg') {
      this.jpegs.get(msg.id)?.(msg.jpeg);
      this.jpegs.delete(msg.id);
    } else if (msg.type === 'clip-finished') {
      const wait = this.clips.get(msg.clipId);
      if (!wait) return;
      const b = wait.best;
      if (msg.score > b.score || (msg.score === b.score && msg.bestFrameId < b.bestFrameId)) wait.best = msg;
      if (--wait.left > 0) return;
      this.clips.delete(msg.clipId);
      wait.resolve({ bestFrameId: wait.best.bestFrameId, png: wait.best.png });
    }
  }

  /** Analyses one frame (the bitmap is transferred). Null when the worker could not process it. */
  analyse(
    bitmap: ImageBitmap,
    timestamp: number,
    record: { clipId: number; jpegQuality: number } | null,
  ): Promise<FrameResult | null> {
    const id = this.nextId++;
    // The least busy ready worker; before any is ready, the first one queues the frame.
    let slot = this.slots[0];
    for (const s of this.slots) if (s.ready && (!slot?.ready || s.busy < slot.busy)) slot = s;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      if (!slot) return this.order.put(id, null);
      slot.busy++;
      slot.post({ type: 'frame', id, timestamp, bitmap, record }, [bitmap]);
    });
  }

  /** Each worker keeps the best frame it saw of the clip; the best of them wins and is the PNG. */
  finishClip(clipId: number): Promise<{ bestFrameId: number; png: Blob | null }> {
    return new Promise((resolve) => {
      if (this.slots.length === 0) return resolve({ bestFrameId: -1, png: null });
      this.clips.set(clipId, {
        left: this.slots.length,
        best: { bestFrameId: -1, score: -1, png: null },
        resolve,
      });
      for (const s of this.slots) s.post({ type: 'finish-clip', clipId });
    });
  }

  dropClip(clipId: number): void {
    for (const s of this.slots) s.post({ type: 'drop-clip', clipId });
  }

  terminate(): void {
    this.stopped = true;
    for (const s of this.slots) s.stop();
    this.slots.length = 0;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    for (const resolve of this.jpegs.values()) resolve(null);
    this.jpegs.clear();
    for (const c of this.clips.values()) c.resolve({ bestFrameId: -1, png: null });
    this.clips.clear();
  }
}
