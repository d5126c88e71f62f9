import { browserFrameCopier, type CopiedFrame, type FrameCopier } from '../camera/frame-copier.js';
import { type FrameImage, releaseImage, transferOf } from '../camera/frame-image.js';
import { RepeatFilter } from '../capture/repeats.js';
import { LivenessFailure } from '../errors/codes.js';
import { startClassicWorker } from '../workers/classic-worker.js';
import { InOrder, visionPoolSize } from './in-order.js';
import type { MaskLook } from './mask/look.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { FaceMetrics } from './types.js';

export interface FrameResult {
  id: number;
  metrics: FaceMetrics;
  inferenceMs: number;
  /** The frame's JPEG when it was recorded and is not a repeat of the clip's previous recorded frame. */
  jpeg: Blob | null;
}

/** A worker's place for one frame, taken in capture order before the frame's pixels exist (reserve()). */
export interface FrameTicket {
  readonly result: Promise<FrameResult | null>;
  /** `jpeg` is the frame's JPEG when it was encoded already (the frame worker); else the worker encodes. */
  send(image: FrameImage, timestamp: number, jpeg?: Promise<Blob | null> | null): void;
  cancel(): void;
}

export interface VisionUrls {
  workerUrl: string;
  wasmBaseUrl: string;
  modelUrl: string;
  /** The frame worker (camera/frame-worker.ts); without it the page copies frames itself. */
  frameWorkerUrl?: string;
}

/** Frames a worker holds at most: one being analysed, one waiting (see `free`). */
export const QUEUE_DEPTH = 2;

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
  /** In capture order: the repeat filter, then the caller. */
  private readonly order = new InOrder<FrameResult | null>((id, r) => {
    this.tail = this.tail.then(async () => {
      const clip = this.clipOf.get(id);
      this.clipOf.delete(id);
      // The same picture handed over twice is recorded once (capture/repeats.ts); a repeat that a worker
      // kept as its best frame stands for the frame it repeats.
      if (r?.jpeg && clip !== undefined) {
        if (await this.repeats.repeats(clip, r.jpeg)) {
          r.jpeg = null;
          this.alias.set(id, this.lastKept);
        } else this.lastKept = id;
      }
      this.waiting.get(id)?.(r);
      this.waiting.delete(id);
    });
  });
  private tail = Promise.resolve();
  private readonly repeats = new RepeatFilter();
  private readonly clipOf = new Map<number, number>();
  private readonly alias = new Map<number, number>();
  private lastKept = -1;
  private readonly clips = new Map<number, ClipWait>();
  /** Results whose JPEG is still being encoded (the worker is already free for the next frame). */
  private readonly encoding = new Map<number, FrameResult>();
  /** JPEGs made before the frame reached a worker (the frame worker's), by frame id. */
  private readonly encodedAhead = new Map<number, Promise<Blob | null>>();
  private ready: Promise<number>;
  private crashListener: ((failure: LivenessFailure) => void) | null = null;
  private stopped = false;
  private progressListener: ((fraction: number | null) => void) | null = null;
  private readonly workerUrl: string;
  private readonly copier: FrameCopier;

  constructor(urls: VisionUrls, workers = visionPoolSize(navigator.hardwareConcurrency)) {
    this.workerUrl = urls.workerUrl;
    this.copier = browserFrameCopier(urls.frameWorkerUrl);
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
            if (i === 0) this.copier.warm();
            resolve(msg.initMs);
            if (i + 1 < workers && !this.stopped) start(i + 1);
          } else if (msg.type === 'progress') {
            // The loading screen counts the first worker's download; a later one loads behind a live capture.
            if (i === 0) this.progressListener?.(msg.fraction);
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

  /**
   * True when a ready worker has room for the next frame. Each worker holds up to QUEUE_DEPTH frames: the
   * one it analyses and the next, already in its message queue, so it starts that one the moment it posts
   * a result instead of idling until the camera presents another frame (up to a frame interval per frame).
   */
  get free(): boolean {
    return this.slots.some((s) => s.ready && s.busy < QUEUE_DEPTH);
  }

  /** Called once if a worker dies after start-up; the session then ends with on_error. */
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
      if (msg.type === 'result' && msg.spare) this.copier.recycle(msg.spare);
      const { id } = msg;
      const ahead = this.encodedAhead.get(id);
      this.encodedAhead.delete(id);
      if (msg.type === 'frame-failed') return this.order.put(id, null);
      const r = { id, metrics: msg.metrics, inferenceMs: msg.inferenceMs, jpeg: null };
      if (ahead) ahead.then((jpeg) => this.order.put(id, { ...r, jpeg }));
      else if (msg.encoding) this.encoding.set(id, r);
      else this.order.put(id, r);
    } else if (msg.type === 'jpeg') {
      const r = this.encoding.get(msg.id);
      this.encoding.delete(msg.id);
      if (r) this.order.put(msg.id, { ...r, jpeg: msg.jpeg });
    } else if (msg.type === 'clip-finished') {
      const wait = this.clips.get(msg.clipId);
      if (!wait) return;
      const b = wait.best;
      if (msg.score > b.score || (msg.score === b.score && msg.bestFrameId < b.bestFrameId)) wait.best = msg;
      if (--wait.left > 0) return;
      this.clips.delete(msg.clipId);
      const best = wait.best.bestFrameId;
      wait.resolve({ bestFrameId: this.alias.get(best) ?? best, png: wait.best.png });
      this.forget(msg.clipId);
    }
  }

  /**
   * Takes a worker's place for the next frame before its pixels exist, so the frame keeps its place in
   * capture order while the browser copies it out of the video, and several copies can be under way at
   * once (an HD frame's copy can take longer than a frame interval). `send` hands the image over
   * (transferred); `cancel` gives the place back when there is no image. `result` is null when the worker
   * could not process the frame.
   */
  reserve(record: { clipId: number; jpegQuality: number } | null): FrameTicket {
    const id = this.nextId++;
    // The least busy ready worker; before any is ready, the first one queues the frame.
    let slot = this.slots[0];
    for (const s of this.slots) if (s.ready && (!slot?.ready || s.busy < slot.busy)) slot = s;
    if (record) this.clipOf.set(id, record.clipId);
    const result = new Promise<FrameResult | null>((resolve) => this.waiting.set(id, resolve));
    if (!slot) {
      this.order.put(id, null);
      return { result, send: releaseImage, cancel: () => undefined };
    }
    const held = slot;
    held.busy++;
    let used = false;
    return {
      result,
      send: (image, timestamp, jpeg = null) => {
        if (used) return releaseImage(image);
        used = true;
        if (record && jpeg) this.encodedAhead.set(id, jpeg);
        const frameRecord = record && { ...record, encoded: jpeg !== null };
        held.post({ type: 'frame', id, timestamp, image, record: frameRecord }, [transferOf(image)]);
      },
      cancel: () => {
        if (used) return;
        used = true;
        held.busy--;
        this.order.put(id, null);
      },
    };
  }

  /** Analyses one frame (the image is transferred). Null when the worker could not process it. */
  analyse(
    image: FrameImage,
    timestamp: number,
    record: { clipId: number; jpegQuality: number } | null,
  ): Promise<FrameResult | null> {
    const ticket = this.reserve(record);
    ticket.send(image, timestamp);
    return ticket.result;
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

  /**
   * Hands the 3D mask's canvas to the first worker, which loads the renderer next to itself and draws on it.
   * Only that worker has the mask; the second one forwards nothing. The first worker is never dropped (its
   * failure fails the pool), is started first and wins ties in analyse(), so it sees about the frame rate one
   * worker alone would: the mesh eases towards each update (renderer TAU_MS), and its updates stay in capture
   * order for free. Forwarding the other worker's landmarks through the page would cost a 478-point copy per
   * frame and a second ordering path for a mask that already moves at the single-worker rate.
   */
  showMask(canvas: OffscreenCanvas, look: MaskLook): void {
    const rendererUrl = new URL('mask_renderer.js', new URL(this.workerUrl, location.href)).href;
    this.slots[0]?.post({ type: 'mask', canvas, rendererUrl, look }, [canvas]);
  }

  hideMask(): void {
    this.slots[0]?.post({ type: 'mask-off' });
  }

  dropClip(clipId: number): void {
    for (const s of this.slots) s.post({ type: 'drop-clip', clipId });
    this.forget(clipId);
  }

  private forget(clipId: number): void {
    this.repeats.forget(clipId);
    this.alias.clear();
  }

  /**
   * The video's presented frame as an image for reserve()'s ticket (camera/frame-copier.ts); for a recorded
   * frame pass the JPEG quality, and the frame worker encodes it where it runs.
   */
  copyFrame(video: HTMLVideoElement, jpegQuality: number | null = null): Promise<CopiedFrame> {
    return this.copier.copy(video, jpegQuality);
  }

  terminate(): void {
    this.stopped = true;
    this.copier.stop();
    for (const s of this.slots) s.stop();
    this.slots.length = 0;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    this.encoding.clear();
    this.encodedAhead.clear();
    for (const c of this.clips.values()) c.resolve({ bestFrameId: -1, png: null });
    this.clips.clear();
  }
}
