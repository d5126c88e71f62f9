import type { Page } from '@playwright/test';
import type { FaceMetrics } from '../../packages/plugin/src/vision/types.js';
import { adapterURL } from './env.js';

/** What the plugin's own workers make of one frame: the FaceLandmarker box and the on-device scores. */
export interface WorkerVerdict {
  box: { left: number; top: number; right: number; bottom: number } | null;
  frames: Array<{ v2: number; v1se: number; real: number; box: 'detector' | 'mesh' }>;
  backend: string;
  threads: number;
  initMs: number;
  scoreMs: number;
}

/** One frame of `inWorkers`: the vision worker's metrics, and p(real) of the on-device worker on its box. */
export interface FrameVerdict {
  metrics: FaceMetrics;
  /** Null when the vision worker saw no face. */
  score: { v2: number; v1se: number; real: number; box: 'detector' | 'mesh' } | null;
}

export interface WorkersVerdict {
  frames: FrameVerdict[];
  backend: string;
  threads: number;
  initMs: number;
  /** Wall time of the on-device worker's `analyse` of each frame. */
  scoreMs: number[];
}

/**
 * Runs JPEG frames through the plugin's built workers as the session does: the vision worker (FaceLandmarker)
 * for the face metrics, then the on-device worker (preprocessing + onnxruntime-web) on that box. Both workers
 * are started once for all frames. The page only passes messages (the protocols of vision/protocol.ts and
 * ondevice/protocol.ts); all the work is the plugin's. `score: false` skips the on-device worker.
 */
export function inWorkers(
  page: Page,
  jpegsBase64: readonly string[],
  options: { build?: 'wasm' | 'webgpu'; repeat?: number; score?: boolean; settle?: number } = {},
): Promise<WorkersVerdict> {
  const { build = 'wasm', repeat = 1, score = true, settle = 3 } = options;
  return page.evaluate(
    async ({ base, jpegs, repeat, build, score, settle }) => {
      const start = (url: string) =>
        new Worker(
          URL.createObjectURL(
            new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' }),
          ),
        );
      const next = (w: Worker, type: string) =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          w.onerror = (e) => reject(new Error(e.message));
          w.onmessage = (e: MessageEvent<Record<string, unknown>>) => {
            if (e.data.type === type) resolve(e.data);
            else if (String(e.data.type).endsWith('failed')) reject(new Error(String(e.data.detail)));
          };
        });
      const blobs = jpegs.map(
        (jpeg) => new Blob([Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0))], { type: 'image/jpeg' }),
      );
      const vision = start(`${base}plugin/vision_worker.js`);
      const visionReady = next(vision, 'ready');
      vision.postMessage({
        type: 'init',
        wasmBaseUrl: `${base}assets/wasm`,
        modelUrl: `${base}assets/models/face_landmarker.task`,
      });
      await visionReady;
      // The landmarker runs in video mode: it tracks the face of the previous frame and wants time to go
      // forward. A blank frame first drops the previous photo's face; then the photo is shown `settle` times,
      // as a still clip shows it to the capture, and the last look counts.
      let clock = 0;
      const look = async (bitmap: ImageBitmap): Promise<FaceMetrics> => {
        const result = next(vision, 'result');
        clock += 33;
        vision.postMessage({ type: 'frame', id: clock, timestamp: clock, image: bitmap, record: null }, [
          bitmap,
        ]);
        return (await result).metrics as FaceMetrics;
      };
      const metrics: FaceMetrics[] = [];
      for (const blob of blobs) {
        const first = await createImageBitmap(blob);
        await look(await createImageBitmap(new ImageData(first.width, first.height)));
        let m = await look(first);
        for (let k = 1; k < settle; k++) m = await look(await createImageBitmap(blob));
        metrics.push(m);
      }
      vision.terminate();
      if (!score)
        return {
          frames: metrics.map((m) => ({ metrics: m, score: null })),
          backend: '',
          threads: 0,
          initMs: 0,
          scoreMs: [],
        };
      const onDevice = start(
        `${base}plugin/${build === 'webgpu' ? 'ondevice_worker_webgpu' : 'ondevice_worker'}.js`,
      );
      const ready = next(onDevice, 'ready');
      onDevice.postMessage({
        type: 'init',
        ortBaseUrl: `${base}assets/ort/`,
        modelUrls: [`${base}assets/models/MiniFASNetV2.onnx`, `${base}assets/models/MiniFASNetV1SE.onnx`],
        detectorUrl: `${base}assets/models/fr_detect.onnx`,
        webgpu: build === 'webgpu',
      });
      const { backend, threads, initMs } = (await ready) as {
        backend: string;
        threads: number;
        initMs: number;
      };
      const frames: FrameVerdict[] = [];
      const scoreMs: number[] = [];
      for (const [i, m] of metrics.entries()) {
        const blob = blobs[i] as Blob;
        if (!m.box) {
          frames.push({ metrics: m, score: null });
          continue;
        }
        const scored = next(onDevice, 'scores');
        const batch = Array.from({ length: repeat }, () => ({ jpeg: blob, box: m.box }));
        onDevice.postMessage({ type: 'analyse', id: i + 1, frames: batch });
        const answer = (await scored) as { frames: Array<FrameVerdict['score']>; ms: number };
        frames.push({ metrics: m, score: answer.frames[0] ?? null });
        scoreMs.push(answer.ms);
      }
      onDevice.terminate();
      return { frames, backend, threads, initMs, scoreMs };
    },
    { base: adapterURL, jpegs: [...jpegsBase64], repeat, build, score, settle },
  );
}

/** One frame through both workers (see `inWorkers`), `repeat` copies in one on-device batch. */
export async function scoreInWorkers(
  page: Page,
  jpegBase64: string,
  repeat = 1,
  build: 'wasm' | 'webgpu' = 'wasm',
): Promise<WorkerVerdict> {
  const v = await inWorkers(page, [jpegBase64], { build, repeat });
  const f = v.frames[0];
  return {
    box: f?.metrics.box ?? null,
    frames: f?.score ? [f.score] : [],
    backend: v.backend,
    threads: v.threads,
    initMs: v.initMs,
    scoreMs: v.scoreMs[0] ?? 0,
  };
}
