import { analysisSize, type FrameSize } from '../vision/frame-size.js';
import { startClassicWorker } from '../workers/classic-worker.js';
import { BufferPool } from './buffer-pool.js';
import type { FrameImage } from './frame-image.js';
import type { FromFrameWorker, ToFrameWorker } from './frame-protocol.js';

/** What the copier needs from the frame worker (a Worker, or a fake in tests). */
export interface FrameWorkerPort {
  send(msg: ToFrameWorker, transfer: Transferable[]): void;
  /** Answers in `onMessage`; `onFailure` once when the worker cannot go on (not loaded, crashed). */
  listen(onMessage: (msg: FromFrameWorker) => void, onFailure: () => void): void;
  stop(): void;
}

export interface FrameCopierDeps {
  /** Starts the frame worker; null where it cannot run (no VideoFrame, no worker). */
  startWorker: () => FrameWorkerPort | null;
  /** Wraps the video's current frame without copying its pixels; throws when there is none yet. */
  wrap: (video: HTMLVideoElement) => VideoFrame;
  /** The main-thread copy, used where the worker cannot be. */
  copyHere: (video: HTMLVideoElement, size: FrameSize | null) => Promise<ImageBitmap>;
}

/**
 * A copied frame. `jpeg` is the frame's JPEG when the frame worker encoded it (asked for with a quality);
 * null when it did not, and the vision worker then encodes the image itself.
 */
export interface CopiedFrame {
  image: FrameImage;
  jpeg: Promise<Blob | null> | null;
}

/** The main-thread copy: createImageBitmap straight from the video (scaled while copied for HD frames). */
export function copyOnMainThread(video: HTMLVideoElement, size: FrameSize | null): Promise<ImageBitmap> {
  return size
    ? createImageBitmap(video, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'low' })
    : createImageBitmap(video);
}

/**
 * Copies presented camera frames for the vision workers. With VideoFrame and the frame worker, the page only
 * wraps the frame (no pixel copy) and the worker converts it, into a buffer from the pool when one is free;
 * without them, or once the worker has failed, the page copies the frame into a bitmap itself. Either way
 * each copy resolves once.
 */
export class FrameCopier {
  private worker: FrameWorkerPort | null | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    {
      resolve: (f: CopiedFrame) => void;
      reject: (e: Error) => void;
      video: HTMLVideoElement;
      size: FrameSize | null;
      /** A JPEG was asked for: it follows the image in a `jpeg` message. */
      wantsJpeg: boolean;
    }
  >();
  /** JPEGs still being encoded for images already handed over. */
  private readonly encoding = new Map<number, (blob: Blob | null) => void>();
  private readonly pool = new BufferPool();

  constructor(private readonly deps: FrameCopierDeps) {}

  /** Copies the video's presented frame; with a `jpegQuality` the worker also encodes it. */
  copy(video: HTMLVideoElement, jpegQuality: number | null = null): Promise<CopiedFrame> {
    const size = analysisSize(video.videoWidth, video.videoHeight);
    const worker = this.started();
    if (!worker) return this.here(video, size);
    let frame: VideoFrame;
    try {
      frame = this.deps.wrap(video);
    } catch {
      return this.here(video, size);
    }
    const id = this.nextId++;
    return new Promise<CopiedFrame>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, video, size, wantsJpeg: jpegQuality !== null });
      const buffer = this.pool.take();
      worker.send({ id, frame, size, jpegQuality, buffer }, buffer ? [frame, buffer] : [frame]);
    });
  }

  /** Starts the worker ahead of the first frame, so the first hint does not wait for it. */
  warm(): void {
    this.started();
  }

  /** A frame's RGBA buffer back from its vision worker, to be filled again. */
  recycle(buffer: ArrayBuffer): void {
    this.pool.give(buffer);
  }

  stop(): void {
    this.pool.clear();
    this.worker?.stop();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error('frame copier stopped'));
    this.pending.clear();
    this.settleEncodings();
  }

  private here(video: HTMLVideoElement, size: FrameSize | null): Promise<CopiedFrame> {
    return this.deps.copyHere(video, size).then((image) => ({ image, jpeg: null }));
  }

  /** A JPEG that will not come is null: that frame is left out of the clip rather than waited for. */
  private settleEncodings(): void {
    for (const settle of this.encoding.values()) settle(null);
    this.encoding.clear();
  }

  private onAnswer(msg: FromFrameWorker): void {
    if ('jpeg' in msg) {
      this.encoding.get(msg.id)?.(msg.jpeg);
      this.encoding.delete(msg.id);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if ('image' in msg) {
      if (msg.spare) this.pool.give(msg.spare);
      const jpeg = p.wantsJpeg
        ? new Promise<Blob | null>((settle) => this.encoding.set(msg.id, settle))
        : null;
      p.resolve({ image: msg.image, jpeg });
    }
    // One frame the worker could not convert: the page copies the video's current frame instead.
    else this.here(p.video, p.size).then(p.resolve, p.reject);
  }

  private started() {
    if (this.worker !== undefined) return this.worker;
    const worker = this.deps.startWorker();
    this.worker = worker;
    if (!worker) return null;
    worker.listen(
      (msg) => this.onAnswer(msg),
      () => {
        // A worker that cannot run (blocked by the page's policy, crashed): the page copies from now on, and
        // the frames it held are copied again from the video, which shows the newest frame.
        worker.stop();
        this.worker = null;
        const held = [...this.pending.values()];
        this.pending.clear();
        this.settleEncodings();
        for (const p of held) this.here(p.video, p.size).then(p.resolve, p.reject);
      },
    );
    return worker;
  }
}

/** The copier a page uses: the frame worker at `workerUrl` where the browser has VideoFrame, else the page. */
export function browserFrameCopier(workerUrl: string | undefined): FrameCopier {
  return new FrameCopier({
    startWorker: () => {
      if (!workerUrl || typeof VideoFrame !== 'function' || typeof Worker !== 'function') return null;
      const { worker, stop } = startClassicWorker(workerUrl);
      return {
        send: (msg, transfer) => worker.postMessage(msg, transfer),
        listen(onMessage, onFailure) {
          worker.onmessage = (ev: MessageEvent<FromFrameWorker>) => onMessage(ev.data);
          worker.onerror = (ev) => {
            ev.preventDefault();
            onFailure();
          };
        },
        stop,
      };
    },
    wrap: (video) => new VideoFrame(video),
    copyHere: copyOnMainThread,
  });
}
