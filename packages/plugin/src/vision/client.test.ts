import { describe, expect, it } from 'vitest';
import type { ClassicWorker } from '../workers/classic-worker.js';
import { suggestedVisionWorkers, VisionClient } from './client.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { FaceMetrics } from './types.js';

/** A stand-in vision worker: answers frames after a delay chosen per frame id, keeps a best per clip. */
class FakeWorker {
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  readonly frames: number[] = [];
  private best = new Map<number, { id: number; score: number }>();
  constructor(
    private readonly delayOf: (id: number) => number,
    private readonly scoreOf: (id: number) => number,
  ) {}
  private reply(msg: FromWorker, ms = 0) {
    setTimeout(() => this.onmessage?.({ data: msg } as MessageEvent<FromWorker>), ms);
  }
  postMessage(msg: ToWorker) {
    if (msg.type === 'init') this.reply({ type: 'ready', initMs: 5 });
    else if (msg.type === 'frame') {
      this.frames.push(msg.id);
      if (msg.record) {
        const prev = this.best.get(msg.record.clipId);
        const score = this.scoreOf(msg.id);
        if (!prev || score > prev.score) this.best.set(msg.record.clipId, { id: msg.id, score });
      }
      const metrics = { faceCount: 1 } as unknown as FaceMetrics;
      this.reply({ type: 'result', id: msg.id, metrics, inferenceMs: 1, jpeg: null }, this.delayOf(msg.id));
    } else if (msg.type === 'finish-clip') {
      const b = this.best.get(msg.clipId);
      this.reply({
        type: 'clip-finished',
        clipId: msg.clipId,
        bestFrameId: b?.id ?? -1,
        png: null,
        ...(b ? { bestScore: b.score } : {}),
      });
    }
  }
  terminate() {}
}

const bitmap = () => ({ close() {} }) as unknown as ImageBitmap;
const URLS = { workerUrl: 'w.js', wasmBaseUrl: '/wasm', modelUrl: '/m.task' };

function pool(n: number, delayOf: (id: number) => number, scoreOf: (id: number) => number = () => 0) {
  const workers: FakeWorker[] = [];
  const client = new VisionClient(URLS, {
    workers: n,
    start: (): ClassicWorker => {
      const w = new FakeWorker(delayOf, scoreOf);
      workers.push(w);
      return { worker: w as unknown as Worker, stop: () => {} };
    },
  });
  return { client, workers };
}

describe('VisionClient with two workers', () => {
  it('hands out results in frame order although the second worker answers first', async () => {
    // Odd frames are slow (40 ms), even ones fast (5 ms): answers arrive out of order.
    const { client, workers } = pool(2, (id) => (id % 2 ? 40 : 5));
    await client.whenReady();
    await new Promise((r) => setTimeout(r, 5)); // the second worker's 'ready' too
    expect(client.capacity).toBe(2);
    const delivered: number[] = [];
    const all = [1, 2, 3, 4, 5, 6].map((t) =>
      client.analyse(bitmap(), t * 33, null).then((r) => {
        delivered.push(r?.id ?? -1);
        return r;
      }),
    );
    const results = await Promise.all(all);
    expect(delivered).toEqual([1, 2, 3, 4, 5, 6]);
    // Each caller got the answer to its own frame.
    expect(results.map((r) => r?.id)).toEqual([1, 2, 3, 4, 5, 6]);
    // Both workers did work: the frames really were pipelined.
    expect(workers.map((w) => w.frames.length)).toEqual([3, 3]);
  });

  it('keeps the best frame of a clip across workers', async () => {
    const { client } = pool(
      2,
      () => 1,
      (id) => (id === 3 ? 0.9 : 0.1),
    );
    await client.whenReady();
    await new Promise((r) => setTimeout(r, 5));
    await Promise.all([1, 2, 3, 4].map((t) => client.analyse(bitmap(), t, { clipId: 7, jpegQuality: 0.8 })));
    expect((await client.finishClip(7)).bestFrameId).toBe(3);
  });

  it('answers null in order for frames no worker can take, and on terminate', async () => {
    const { client } = pool(1, () => 30);
    const early = client.analyse(bitmap(), 1, null); // before any worker is ready
    expect(await early).toBeNull();
    await client.whenReady();
    const pending = client.analyse(bitmap(), 2, null);
    client.terminate();
    expect(await pending).toBeNull();
  });

  it('suggests a second worker only with cores to spare', () => {
    expect(suggestedVisionWorkers(2)).toBe(1);
    expect(suggestedVisionWorkers(undefined)).toBe(1);
    expect(suggestedVisionWorkers(8)).toBe(2);
  });
});
