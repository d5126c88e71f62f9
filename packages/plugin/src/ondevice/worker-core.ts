/// <reference lib="webworker" />
// The on-device liveness worker: MiniFASNetV2 + V1SE on onnxruntime-web, fed the server's preprocessing.
// Two builds share this file (worker-wasm.ts, worker-webgpu.ts) so the page loads only the runtime it uses.
import type * as Ort from 'onnxruntime-web';
import { realProbability } from './decision.js';
import { DETECTOR_H, DETECTOR_W, decodeDetections, detectorInput, faceBoxFor } from './detector.js';
import { ANTISPOOF_MODELS, antispoofInput, contextCrop, INPUT_SIZE } from './preprocess.js';
import type { FrameScore, FromOnDevice, OnDeviceBackend, ToOnDevice } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

type OrtModule = typeof Ort;

/** Threads only where the page is cross-origin isolated (SharedArrayBuffer): half the cores, 2 to 4. */
function threadCount(): number {
  if (!self.crossOriginIsolated) return 1;
  return Math.min(4, Math.max(2, Math.ceil((navigator.hardwareConcurrency || 2) / 2)));
}

async function hasWebGpu(): Promise<boolean> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}

export function startOnDeviceWorker(ort: OrtModule, webgpuBuild: boolean): void {
  let sessions: [Ort.InferenceSession, Ort.InferenceSession, Ort.InferenceSession] | null = null;
  const canvas = new OffscreenCanvas(1, 1);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const post = (msg: FromOnDevice) => self.postMessage(msg);

  async function create(bytes: Uint8Array, backend: OnDeviceBackend): Promise<Ort.InferenceSession> {
    return ort.InferenceSession.create(bytes, {
      executionProviders: backend === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'],
      graphOptimizationLevel: 'all',
    });
  }

  async function init(msg: Extract<ToOnDevice, { type: 'init' }>): Promise<void> {
    const t0 = performance.now();
    try {
      ort.env.wasm.wasmPaths = msg.ortBaseUrl;
      ort.env.wasm.numThreads = threadCount();
      ort.env.wasm.proxy = false;
      const bytes = await Promise.all(
        [...msg.modelUrls, msg.detectorUrl].map(async (url) => {
          const res = await fetch(url);
          if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
          return new Uint8Array(await res.arrayBuffer());
        }),
      );
      let backend: OnDeviceBackend = webgpuBuild && msg.webgpu && (await hasWebGpu()) ? 'webgpu' : 'wasm';
      // One after the other: onnxruntime-web's WebGPU backend refuses a second session while one is being
      // created ("another WebGPU EP inference session is being created").
      const load = async (b: OnDeviceBackend) => {
        const v2 = await create(bytes[0] as Uint8Array, b);
        const v1se = await create(bytes[1] as Uint8Array, b);
        const det = await create(bytes[2] as Uint8Array, b);
        return [v2, v1se, det] as [Ort.InferenceSession, Ort.InferenceSession, Ort.InferenceSession];
      };
      let loaded: [Ort.InferenceSession, Ort.InferenceSession, Ort.InferenceSession];
      try {
        loaded = await load(backend);
        // A smoke inference of each model before WebGPU is trusted: an adapter can accept the graphs and still
        // fail on the first run. It also compiles the shaders while the camera starts, not on the first frame.
        if (backend === 'webgpu') await smoke(loaded);
      } catch (err) {
        if (backend !== 'webgpu') throw err;
        backend = 'wasm'; // a WebGPU adapter that cannot run the graph: the wasm backend does
        loaded = await load(backend);
      }
      sessions = loaded;
      post({ type: 'ready', backend, threads: ort.env.wasm.numThreads ?? 1, initMs: performance.now() - t0 });
    } catch (err) {
      post({ type: 'init-failed', detail: err instanceof Error ? err.message : String(err) });
    }
  }

  async function realOf(session: Ort.InferenceSession, input: Float32Array): Promise<number> {
    const feeds = {
      [session.inputNames[0] ?? 'input']: new ort.Tensor('float32', input, [1, 3, INPUT_SIZE, INPUT_SIZE]),
    };
    const out = await session.run(feeds);
    const logits = out[session.outputNames[0] ?? 'output'];
    return logits ? realProbability(logits.data as Float32Array) : Number.NaN;
  }

  async function smoke([v2, v1se, detector]: [
    Ort.InferenceSession,
    Ort.InferenceSession,
    Ort.InferenceSession,
  ]) {
    const input = new Float32Array(3 * INPUT_SIZE * INPUT_SIZE);
    for (const real of [await realOf(v2, input), await realOf(v1se, input)])
      if (!Number.isFinite(real)) throw new Error('WebGPU smoke inference gave no score');
    const blank = new ImageData(DETECTOR_W, DETECTOR_H);
    await detect(detector, blank);
  }

  /** The server's detector on the whole frame: its face boxes after threshold and NMS. */
  async function detect(session: Ort.InferenceSession, pixels: ImageData) {
    const feeds = {
      [session.inputNames[0] ?? 'input']: new ort.Tensor('float32', detectorInput(pixels), [
        1,
        3,
        DETECTOR_H,
        DETECTOR_W,
      ]),
    };
    const out = await session.run(feeds);
    const scores = out.scores?.data as Float32Array | undefined;
    const boxes = out.boxes?.data as Float32Array | undefined;
    return scores && boxes ? decodeDetections(scores, boxes, pixels.width, pixels.height) : [];
  }

  async function analyse(msg: Extract<ToOnDevice, { type: 'analyse' }>): Promise<void> {
    const t0 = performance.now();
    try {
      if (!sessions || !ctx) throw new Error('models not ready');
      const [v2Model, v1seModel, detector] = sessions;
      const frames: FrameScore[] = [];
      for (const f of msg.frames) {
        const bitmap = await createImageBitmap(f.jpeg, {
          colorSpaceConversion: 'none',
          premultiplyAlpha: 'none',
        });
        if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
        if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
        ctx.drawImage(bitmap, 0, 0);
        bitmap.close();
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const { box: face, source } = faceBoxFor(await detect(detector, pixels), f.box);
        const [v2Spec, v1seSpec] = ANTISPOOF_MODELS;
        const v2 = await realOf(
          v2Model,
          antispoofInput(pixels, contextCrop(face, pixels.width, pixels.height, v2Spec.scale)),
        );
        const v1se = await realOf(
          v1seModel,
          antispoofInput(pixels, contextCrop(face, pixels.width, pixels.height, v1seSpec.scale)),
        );
        frames.push({ v2, v1se, real: (v2 + v1se) / 2, box: source });
      }
      post({ type: 'scores', id: msg.id, frames, ms: performance.now() - t0 });
    } catch (err) {
      post({ type: 'analyse-failed', id: msg.id, detail: err instanceof Error ? err.message : String(err) });
    }
  }

  self.onmessage = (ev: MessageEvent<ToOnDevice>) => {
    const msg = ev.data;
    if (msg.type === 'init') void init(msg);
    else void analyse(msg);
  };
}
