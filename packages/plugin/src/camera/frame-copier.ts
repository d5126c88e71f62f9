import { analysisSize, type FrameSize } from '../vision/frame-size.js';
import { startClassicWorker } from '../workers/classic-worker.js';
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

/** The main-thread copy: createImageBitmap straight from the video (scaled while copied for HD frames). */
export function copyOnMainThread(video: HTMLVideoElement, size: FrameSize | null): Promise<ImageBitmap> {
  return size
    ? createImageBitmap(video, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'low' })
    : createImageBitmap(video);
}

/**
 * Copies presented camera frames into ImageBitmaps for the vision workers. With VideoFrame and the frame
 * worker, the page only wraps the frame (no pixel copy) and the worker converts it; without them, or once
 * the worker has failed, the page copies the frame itself as before. Either way each copy resolves once.
 */
export class FrameCopier {
  private worker: FrameWorkerPort | null | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    {
      resolve: (b: ImageBitmap) => void;
      reject: (e: Error) => void;
      video: HTMLVideoElement;
      size: FrameSize | null;
    }
  >();

  constructor(private readonly deps: FrameCopierDeps) {}

  copy(video: HTMLVideoElement): Promise<ImageBitmap> {
    const size = analysisSize(video.videoWidth, video.videoHeight);
    const worker = this.started();
    if (!worker) return this.deps.copyHere(video, size);
    let frame: VideoFrame;
    try {
      frame = this.deps.wrap(video);
    } catch {
      return this.deps.copyHere(video, size);
    }
    const id = this.nextId++;
    return new Promise<ImageBitmap>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, video, size });
      worker.send({ id, frame, size }, [frame]);
    });
  }

  /** Starts the worker ahead of the first frame, so the first hint does not wait for it. */
  warm(): void {
    this.started();
  }

  stop(): void {
    this.worker?.stop();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error('frame copier stopped'));
    this.pending.clear();
  }

  private started() {
    if (this.worker !== undefined) return this.worker;
    const worker = this.deps.startWorker();
    this.worker = worker;
    if (!worker) return null;
    worker.listen(
      (msg) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if ('bitmap' in msg) p.resolve(msg.bitmap);
        // One frame the worker could not convert: the page copies the video's current frame instead.
        else this.deps.copyHere(p.video, p.size).then(p.resolve, p.reject);
      },
      () => {
        // A worker that cannot run (blocked by the page's policy, crashed): the page copies from now on, and
        // the frames it held are copied again from the video, which shows the newest frame.
        worker.stop();
        this.worker = null;
        const held = [...this.pending.values()];
        this.pending.clear();
        for (const p of held) this.deps.copyHere(p.video, p.size).then(p.resolve, p.reject);
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
