import type { Page } from '@playwright/test';
import { adapterURL } from './env.js';

/** What the plugin's own workers make of one frame: the FaceLandmarker box and the on-device scores. */
export interface WorkerVerdict {
  box: { left: number; top: number; right: number; bottom: number } | null;
  frames: Array<{ v2: number; v1se: number; real: number }>;
  backend: string;
  threads: number;
  initMs: number;
  scoreMs: number;
}

/**
 * Runs one JPEG frame through the plugin's built workers as the session does: the vision worker (FaceLandmarker)
 * for the face box, then the on-device worker (preprocessing + onnxruntime-web) on that box. The page only
 * passes messages (the protocols of vision/protocol.ts and ondevice/protocol.ts); all the work is the plugin's.
 */
export function scoreInWorkers(
  page: Page,
  jpegBase64: string,
  repeat = 1,
  build: 'wasm' | 'webgpu' = 'wasm',
): Promise<WorkerVerdict> {
  return page.evaluate(
    async ({ base, jpeg, repeat, build }) => {
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
      const bytes = Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type: 'image/jpeg' });
      const vision = start(`${base}plugin/vision_worker.js`);
      const visionReady = next(vision, 'ready');
      vision.postMessage({
        type: 'init',
        wasmBaseUrl: `${base}assets/wasm`,
        modelUrl: `${base}assets/models/face_landmarker.task`,
      });
      await visionReady;
      const result = next(vision, 'result');
      const bitmap = await createImageBitmap(blob);
      vision.postMessage({ type: 'frame', id: 1, timestamp: 1, bitmap, record: null }, [bitmap]);
      const metrics = (await result).metrics as { box: WorkerVerdict['box'] };
      vision.terminate();
      const onDevice = start(
        `${base}plugin/${build === 'webgpu' ? 'ondevice_worker_webgpu' : 'ondevice_worker'}.js`,
      );
      const ready = next(onDevice, 'ready');
      onDevice.postMessage({
        type: 'init',
        ortBaseUrl: `${base}assets/ort/`,
        modelUrls: [`${base}assets/models/MiniFASNetV2.onnx`, `${base}assets/models/MiniFASNetV1SE.onnx`],
        webgpu: build === 'webgpu',
      });
      const { backend, threads, initMs } = (await ready) as {
        backend: string;
        threads: number;
        initMs: number;
      };
      if (!metrics.box) return { box: null, frames: [], backend, threads, initMs, scoreMs: 0 };
      const scored = next(onDevice, 'scores');
      const frames = Array.from({ length: repeat }, () => ({ jpeg: blob, box: metrics.box }));
      onDevice.postMessage({ type: 'analyse', id: 1, frames });
      const answer = (await scored) as { frames: WorkerVerdict['frames']; ms: number };
      onDevice.terminate();
      return { box: metrics.box, frames: answer.frames, backend, threads, initMs, scoreMs: answer.ms };
    },
    { base: adapterURL, jpeg: jpegBase64, repeat, build },
  );
}
