import { LivenessFailure } from '../errors/codes.js';
import { type ClassicWorker, startClassicWorker } from '../workers/classic-worker.js';
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

export interface VisionOptions {
  /**
   * Vision workers, each with its own model (about 4 MB of weights plus the wasm heap). Default 1.
   * More than one only pays when the caller keeps several frames in flight (`capacity`); results
   * are delivered in the order the frames were sent whatever worker finishes first.
   */
  workers?: number;
  /** How a worker is started; injected by tests. */
  start?: (scriptUrl: string) => ClassicWorker;
}

/** A suggested worker count: two when the device has cores to spare, else one. */
export function suggestedVisionWorkers(hardwareConcurrency: number | undefined): number {
  return (hardwareConcurrency ?? 1) >= 4 ? 2 : 1;
}

interface Slot {
  readonly worker: Worker;
  readonly stop: () => void;
  ready: boolean;
  inFlight: number;
}

interface ClipAnswer {
  bestFrameId: number;
  png: Blob | null;
  score: number;
}

/**
 * The page side of the vision workers (started with startClassicWorker: the plugin may be
 * cross-origin). Frames go to the ready worker with the fewest frames in flight; answers are handed
 * out strictly in frame order, so the action machine sees frames as the camera gave them. Each
 * worker keeps the best frame of a clip among the frames it saw; finishing a clip asks every worker
 * and keeps the best of their bests.
 */
export class VisionClient {
  private readonly slots: Slot[];
  private nextId = 1;
  /** Frames sent, oldest first, with their answer once it came. */
  private readonly order: {
    id: number;
    resolve: (r: FrameResult | null) => void;
    answer?: FrameResult | null;
  }[] = [];
  private readonly clips = new Map<
    number,
    { left: number; best: ClipAnswer; resolve: (r: ClipAnswer) => void }
  >();
  private readonly ready: Promise<number>;

  constructor(urls: VisionUrls, options: VisionOptions = {}) {
    const start = options.start ?? startClassicWorker;
    const count = Math.max(1, Math.trunc(options.workers ?? 1));
    this.slots = [];
    let failures = 0;
    this.ready = new Promise<number>((resolve, reject) => {
      for (let i = 0; i < count; i++) {
        const started = start(urls.workerUrl);
        const slot: Slot = { worker: started.worker, stop: started.stop, ready: false, inFlight: 0 };
        this.slots.push(slot);
        const fail = (failure: LivenessFailure) => {
          // One worker that cannot start is not fatal while another one works.
          if (++failures === count) reject(failure);
        };
        slot.worker.onerror = (ev) => {
          ev.preventDefault();
          fail(
            new LivenessFailure(
              'resource_load_failed',
              `vision worker failed: ${ev.message || urls.workerUrl}`,
            ),
          );
        };
        slot.worker.onmessage = (ev: MessageEvent<FromWorker>) => {
          const msg = ev.data;
          if (msg.type === 'ready') {
            slot.ready = true;
            resolve(msg.initMs);
          } else if (msg.type === 'init-failed') {
            fail(new LivenessFailure('resource_load_failed', msg.detail, { ...urls }));
          } else this.onMessage(slot, msg);
        };
        this.send(slot, { type: 'init', wasmBaseUrl: urls.wasmBaseUrl, modelUrl: urls.modelUrl });
      }
    });
  }

  /** Resolves with the model's load time in ms once a worker can analyse frames. */
  whenReady(): Promise<number> {
    return this.ready;
  }

  /** Frames that can usefully be in flight at once (one per worker). */
  get capacity(): number {
    return this.slots.length;
  }

  private send(slot: Slot, msg: ToWorker, transfer: Transferable[] = []) {
    slot.worker.postMessage(msg, transfer);
  }

  private onMessage(slot: Slot, msg: FromWorker) {
    if (msg.type === 'result' || msg.type === 'frame-failed') {
      slot.inFlight = Math.max(0, slot.inFlight - 1);
      const entry = this.order.find((e) => e.id === msg.id);
      if (!entry) return;
      entry.answer =
        msg.type === 'result'
          ? { id: msg.id, metrics: msg.metrics, inferenceMs: msg.inferenceMs, jpeg: msg.jpeg }
          : null;
      this.deliverInOrder();
    } else if (msg.type === 'clip-finished') {
      const clip = this.clips.get(msg.clipId);
      if (!clip) return;
      const answer = { bestFrameId: msg.bestFrameId, png: msg.png, score: msg.bestScore ?? 0 };
      if (answer.bestFrameId >= 0 && (clip.best.bestFrameId < 0 || answer.score > clip.best.score))
        clip.best = answer;
      if (--clip.left === 0) {
        this.clips.delete(msg.clipId);
        clip.resolve(clip.best);
      }
    }
  }

  private deliverInOrder() {
    while (this.order.length > 0 && this.order[0]?.answer !== undefined) {
      const head = this.order.shift();
      head?.resolve(head.answer ?? null);
    }
  }

  /** Analyses one frame (the bitmap is transferred). Null when no worker could process it. */
  analyse(
    bitmap: ImageBitmap,
    timestamp: number,
    record: { clipId: number; jpegQuality: number } | null,
  ): Promise<FrameResult | null> {
    const id = this.nextId++;
    let slot: Slot | undefined;
    for (const s of this.slots) if (s.ready && (!slot || s.inFlight < slot.inFlight)) slot = s;
    return new Promise((resolve) => {
      this.order.push({ id, resolve });
      if (!slot) {
        bitmap.close();
        const last = this.order[this.order.length - 1];
        if (last) last.answer = null;
        this.deliverInOrder();
        return;
      }
      slot.inFlight++;
      this.send(slot, { type: 'frame', id, timestamp, bitmap, record }, [bitmap]);
    });
  }

  finishClip(clipId: number): Promise<{ bestFrameId: number; png: Blob | null }> {
    return new Promise((resolve) => {
      this.clips.set(clipId, {
        left: this.slots.length,
        best: { bestFrameId: -1, png: null, score: 0 },
        resolve: ({ bestFrameId, png }) => resolve({ bestFrameId, png }),
      });
      for (const s of this.slots) this.send(s, { type: 'finish-clip', clipId });
    });
  }

  dropClip(clipId: number): void {
    for (const s of this.slots) this.send(s, { type: 'drop-clip', clipId });
  }

  terminate(): void {
    for (const s of this.slots) s.stop();
    for (const e of this.order.splice(0)) e.resolve(null);
    for (const c of this.clips.values()) c.resolve({ bestFrameId: -1, png: null, score: 0 });
    this.clips.clear();
  }
}
