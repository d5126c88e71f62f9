import { parentPort, workerData } from 'node:worker_threads';
import { FaceEngine } from './engine.js';
import type { RgbImage } from './image.js';
import type { EngineReply, EngineRequest, EngineWorkerData } from './pool.js';

/*
 * One inference thread: its own FaceEngine (ONNX sessions) answering the pool's calls in order.
 * ONNX Runtime's Node binding runs inference synchronously on the calling thread, so models in
 * worker threads are what lets a second core work while the main thread serves HTTP.
 */
const port = parentPort;
if (!port) throw new Error('engineWorker must run as a worker thread');
const data = workerData as EngineWorkerData;

/** The decoded frame with its pixels in a SharedArrayBuffer: every later call on it, on any thread, shares them. */
function inSharedMemory(img: RgbImage): RgbImage {
  const pixels = new Uint8Array(new SharedArrayBuffer(img.data.byteLength));
  pixels.set(img.data);
  return { width: img.width, height: img.height, data: pixels };
}

try {
  const engine = await FaceEngine.load(data.modelsDir, data.threads);
  const call = (r: EngineRequest): Promise<unknown> => {
    switch (r.method) {
      case 'decode':
        return engine.decode(r.bytes).then(inSharedMemory);
      case 'mainFace':
        return engine.mainFace(r.image);
      case 'antispoofScores':
        return engine.antispoofScores(r.image, r.box);
      case 'landmarks':
        return engine.landmarks(r.image, r.box);
      case 'embedding':
        return engine.embedding(r.image, r.box);
    }
  };
  port.on('message', (r: EngineRequest | 'close') => {
    if (r === 'close') {
      void engine.close().then(() => port.close());
      return;
    }
    call(r).then(
      (value) => port.postMessage({ id: r.id, ok: true, value } satisfies EngineReply),
      (e: unknown) =>
        port.postMessage({ id: r.id, ok: false, message: (e as Error).message } satisfies EngineReply),
    );
  });
  port.postMessage('ready');
} catch (e) {
  port.postMessage({ fatal: (e as Error).message });
}
