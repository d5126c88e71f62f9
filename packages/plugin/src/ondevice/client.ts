import type { OnDeviceResult } from '@open-liveness/trust';
import type { Clip } from '../capture/clip.js';
import { LivenessFailure } from '../errors/codes.js';
import type { Box } from '../vision/types.js';
import { type ClassicWorker, startClassicWorker } from '../workers/classic-worker.js';
import { onDeviceResult, pickFrames } from './decision.js';
import type { FrameScore, FromOnDevice, OnDeviceBackend } from './protocol.js';

/** Where the adapter serves the on-device worker builds, the onnxruntime files and the two models. */
export interface OnDeviceUrls {
  wasmWorkerUrl: string;
  webgpuWorkerUrl: string;
  /** Ends with '/'. */
  ortBaseUrl: string;
  modelUrls: [string, string];
  detectorUrl: string;
}

export function onDeviceUrls(base: string): OnDeviceUrls {
  return {
    wasmWorkerUrl: `${base}plugin/ondevice_worker.js`,
    webgpuWorkerUrl: `${base}plugin/ondevice_worker_webgpu.js`,
    ortBaseUrl: `${base}assets/ort/`,
    modelUrls: [`${base}assets/models/MiniFASNetV2.onnx`, `${base}assets/models/MiniFASNetV1SE.onnx`],
    detectorUrl: `${base}assets/models/fr_detect.onnx`,
  };
}

export interface OnDeviceReady {
  backend: OnDeviceBackend;
  threads: number;
  initMs: number;
}

/**
 * True when the browser would hand out a WebGPU adapter. Chromium exposes `navigator.gpu` on every secure page,
 * also without a usable GPU (then the adapter is null), so the adapter is asked for, not just the property.
 */
async function webGpuAdapter(): Promise<boolean> {
  const gpu = (
    globalThis.navigator as (Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }) | undefined
  )?.gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}

/**
 * How long the WebGPU build may take to load the models and pass its smoke inference before the page gives up on
 * it and starts the wasm build. A software adapter (SwiftShader) took 17 s on the test machine; a stuck one
 * must not hold the session.
 */
export const WEBGPU_READY_MS = 45_000;

/** `work`, or a `resource_load_failed` rejection once `ms` have passed first. */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new LivenessFailure('resource_load_failed', `not ready after ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The page side of the on-device liveness worker. It is created only for `open({on_device: true})`, so a page
 * that does not ask never loads onnxruntime: the worker script, the runtime and the models are fetched here.
 * A browser with a WebGPU adapter gets the WebGPU build (which falls back to wasm inside); if that build cannot
 * start, the wasm build is started instead. Every other browser gets the smaller wasm build.
 */
export class OnDeviceClient {
  private worker: ClassicWorker | null = null;
  private stopped = false;
  private readonly ready: Promise<OnDeviceReady>;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (r: { frames: FrameScore[] }) => void; reject: (e: LivenessFailure) => void }
  >();

  constructor(
    private readonly urls: OnDeviceUrls,
    webGpuReadyMs = WEBGPU_READY_MS,
  ) {
    this.ready = webGpuAdapter().then((gpu) =>
      gpu
        ? withDeadline(this.start(urls.webgpuWorkerUrl, true), webGpuReadyMs).catch(() =>
            this.start(urls.wasmWorkerUrl, false),
          )
        : this.start(urls.wasmWorkerUrl, false),
    );
    // Nobody may be waiting yet: an unhandled failure here is reported by analyse().
    this.ready.catch(() => undefined);
  }

  private start(url: string, webgpu: boolean): Promise<OnDeviceReady> {
    this.worker?.stop();
    if (this.stopped)
      return Promise.reject(new LivenessFailure('internal_error', 'on-device worker stopped'));
    const started = startClassicWorker(url);
    this.worker = started;
    return new Promise<OnDeviceReady>((resolve, reject) => {
      const failed = (detail: string) => {
        this.failAll(detail);
        reject(new LivenessFailure('resource_load_failed', `on-device worker: ${detail}`, { url }));
      };
      started.worker.onerror = (ev) => {
        ev.preventDefault();
        failed(ev.message || `${url} failed`);
      };
      started.worker.onmessage = (ev: MessageEvent<FromOnDevice>) => {
        const msg = ev.data;
        if (msg.type === 'ready') resolve({ backend: msg.backend, threads: msg.threads, initMs: msg.initMs });
        else if (msg.type === 'init-failed') failed(msg.detail);
        else if (msg.type === 'scores') {
          this.waiting.get(msg.id)?.resolve({ frames: msg.frames });
          this.waiting.delete(msg.id);
        } else if (msg.type === 'analyse-failed') {
          this.waiting.get(msg.id)?.reject(new LivenessFailure('internal_error', `on-device: ${msg.detail}`));
          this.waiting.delete(msg.id);
        }
      };
      started.worker.postMessage({
        type: 'init',
        ortBaseUrl: this.urls.ortBaseUrl,
        modelUrls: this.urls.modelUrls,
        detectorUrl: this.urls.detectorUrl,
        webgpu,
      });
    });
  }

  /** Resolves once both models are loaded (the backend in use and the load time). */
  whenReady(): Promise<OnDeviceReady> {
    return this.ready;
  }

  /** Scores explicit frames (JPEG + FaceLandmarker box); p(real) per frame. */
  async score(frames: Array<{ jpeg: Blob; box: Box }>): Promise<FrameScore[]> {
    await this.ready;
    const worker = this.worker;
    if (!worker) throw new LivenessFailure('internal_error', 'on-device worker stopped');
    const id = this.nextId++;
    const answer = new Promise<{ frames: FrameScore[] }>((resolve, reject) =>
      this.waiting.set(id, { resolve, reject }),
    );
    worker.worker.postMessage({ type: 'analyse', id, frames });
    return (await answer).frames;
  }

  /** The on-device result of one action: its best frames scored, combined as the server combines them. */
  async analyse(clip: Clip): Promise<OnDeviceResult> {
    const t0 = performance.now();
    const picked = pickFrames(clip.frames.map((f) => f.metrics));
    const frames = picked.flatMap((i) => {
      const f = clip.frames[i];
      return f?.metrics.box ? [{ jpeg: f.jpeg, box: f.metrics.box }] : [];
    });
    const scores = frames.length ? await this.score(frames) : [];
    return onDeviceResult(
      scores.map((s) => s.real),
      performance.now() - t0,
    );
  }

  private failAll(detail: string): void {
    for (const w of this.waiting.values())
      w.reject(new LivenessFailure('resource_load_failed', `on-device worker: ${detail}`));
    this.waiting.clear();
  }

  terminate(): void {
    this.stopped = true;
    this.worker?.stop();
    this.worker = null;
    this.failAll('stopped');
  }
}
