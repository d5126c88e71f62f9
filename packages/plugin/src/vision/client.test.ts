import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameCopier } from '../camera/frame-copier.js';
import { type FrameResult, QUEUE_DEPTH, VisionClient } from './client.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { FaceMetrics } from './types.js';

/** A stand-in for the vision worker: records what the page sends and lets the test answer. */
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((ev: { data: FromWorker }) => void) | null = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  readonly got: ToWorker[] = [];
  readonly transfers: Transferable[][] = [];
  terminated = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(msg: ToWorker, transfer: Transferable[] = []) {
    this.got.push(msg);
    this.transfers.push(transfer);
  }
  terminate() {
    this.terminated = true;
  }
  say(data: FromWorker) {
    this.onmessage?.({ data });
  }
  frames() {
    return this.got.filter((m): m is Extract<ToWorker, { type: 'frame' }> => m.type === 'frame');
  }
}

const metrics = (timestamp: number) => ({ timestamp }) as FaceMetrics;
/** The worker's result for frame `id` taken at `timestamp`; `encoding`: its JPEG follows. */
const result = (id: number, timestamp: number, encoding = false): FromWorker => ({
  type: 'result',
  id,
  metrics: metrics(timestamp),
  inferenceMs: 1,
  encoding,
  spare: null,
});
const bitmap = () => ({ close() {} }) as unknown as ImageBitmap;
const urls = { workerUrl: '/plugin/vision_worker.js', wasmBaseUrl: '/w', modelUrl: '/m' };
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  FakeWorker.all = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('location', { href: 'https://page.test/', origin: 'https://page.test' });
});
afterEach(() => vi.unstubAllGlobals());

async function twoReady() {
  const client = new VisionClient(urls, 2);
  // One worker after the other: the second starts when the first is ready.
  expect(FakeWorker.all).toHaveLength(1);
  FakeWorker.all[0]?.say({ type: 'ready', initMs: 1 });
  expect(FakeWorker.all).toHaveLength(2);
  FakeWorker.all[1]?.say({ type: 'ready', initMs: 1 });
  await client.whenReady();
  expect(client.free).toBe(true);
  const [a, b] = FakeWorker.all as [FakeWorker, FakeWorker];
  return { client, a, b };
}

describe('VisionClient queue depth', () => {
  it('a worker takes the next frame while it analyses one, and no more until a result comes back', async () => {
    const client = new VisionClient(urls, 1);
    const w = FakeWorker.all[0];
    if (!w) throw new Error('no worker');
    expect(client.free).toBe(false);
    w.say({ type: 'ready', initMs: 1 });
    await client.whenReady();
    const sent: Array<Promise<FrameResult | null>> = [];
    for (let i = 1; i <= QUEUE_DEPTH; i++) {
      expect(client.free).toBe(true);
      sent.push(client.analyse(bitmap(), i, null));
    }
    expect(QUEUE_DEPTH).toBe(2);
    expect(w.frames()).toHaveLength(2);
    expect(client.free).toBe(false);
    const [first, second] = w.frames();
    if (!first || !second) throw new Error('frames not sent');
    w.say({
      type: 'result',
      id: first.id,
      metrics: metrics(1),
      inferenceMs: 1,
      encoding: false,
      spare: null,
    });
    expect(client.free).toBe(true);
    w.say({
      type: 'result',
      id: second.id,
      metrics: metrics(2),
      inferenceMs: 1,
      encoding: false,
      spare: null,
    });
    expect((await Promise.all(sent)).map((r) => r?.metrics.timestamp)).toEqual([1, 2]);
  });
  it('a reserved place keeps capture order even when the later bitmap is ready first; cancel frees it', async () => {
    const client = new VisionClient(urls, 1);
    const w = FakeWorker.all[0];
    if (!w) throw new Error('no worker');
    w.say({ type: 'ready', initMs: 1 });
    await client.whenReady();
    const first = client.reserve(null);
    const second = client.reserve(null);
    expect(client.free).toBe(false);
    second.send(bitmap(), 20);
    first.send(bitmap(), 10);
    const [a, b] = w.frames();
    if (!a || !b) throw new Error('frames not sent');
    expect([a.timestamp, b.timestamp]).toEqual([20, 10]);
    const seen: number[] = [];
    void first.result.then((r) => seen.push(r?.metrics.timestamp ?? -1));
    void second.result.then((r) => seen.push(r?.metrics.timestamp ?? -1));
    w.say({ type: 'result', id: a.id, metrics: metrics(20), inferenceMs: 1, encoding: false, spare: null });
    w.say({ type: 'result', id: b.id, metrics: metrics(10), inferenceMs: 1, encoding: false, spare: null });
    await Promise.all([first.result, second.result]);
    expect(seen).toEqual([10, 20]);
    // A copy that failed gives its place back and does not hold back the frame after it.
    const failed = client.reserve(null);
    const next = client.reserve(null);
    failed.cancel();
    expect(client.free).toBe(true);
    next.send(bitmap(), 30);
    const [, , c] = w.frames();
    if (!c) throw new Error('frame not sent');
    w.say({ type: 'result', id: c.id, metrics: metrics(30), inferenceMs: 1, encoding: false, spare: null });
    expect(await failed.result).toBeNull();
    expect((await next.result)?.metrics.timestamp).toBe(30);
  });
});

describe('VisionClient with two workers', () => {
  it('alternates frames between the workers and resolves them in the order they were sent', async () => {
    const { client, a, b } = await twoReady();
    const seen: number[] = [];
    const sent: Array<Promise<FrameResult | null>> = [];
    for (let i = 1; i <= 4; i++) {
      const p = client.analyse(bitmap(), i * 10, null);
      sent.push(p);
      void p.then((r) => seen.push(r?.metrics.timestamp ?? -1));
      // One in flight per worker: answer the oldest frame of a worker only after two are out.
      if (i % 2 === 0) {
        const [fa] = a.frames().slice(-1);
        const [fb] = b.frames().slice(-1);
        if (!fa || !fb) throw new Error('each worker should hold one frame');
        // The second worker finishes first.
        b.say({
          type: 'result',
          id: fb.id,
          metrics: metrics(fb.timestamp),
          inferenceMs: 1,
          encoding: false,
          spare: null,
        });
        await flush();
        a.say({
          type: 'result',
          id: fa.id,
          metrics: metrics(fa.timestamp),
          inferenceMs: 1,
          encoding: false,
          spare: null,
        });
      }
    }
    await Promise.all(sent);
    expect(a.frames().map((f) => f.timestamp)).toEqual([10, 30]);
    expect(b.frames().map((f) => f.timestamp)).toEqual([20, 40]);
    expect(seen).toEqual([10, 20, 30, 40]);
  });

  it('a failed frame does not hold back the frames after it', async () => {
    const { client, a, b } = await twoReady();
    const p1 = client.analyse(bitmap(), 1, null);
    const p2 = client.analyse(bitmap(), 2, null);
    const [f1] = a.frames();
    const [f2] = b.frames();
    if (!f1 || !f2) throw new Error('frames not sent');
    b.say({ type: 'result', id: f2.id, metrics: metrics(2), inferenceMs: 1, encoding: false, spare: null });
    a.say({ type: 'frame-failed', id: f1.id, detail: 'x' });
    expect(await p1).toBeNull();
    expect((await p2)?.metrics.timestamp).toBe(2);
  });

  it("a recorded frame's JPEG follows its result; the worker is free meanwhile", async () => {
    const { client, a } = await twoReady();
    let done = false;
    const p = client.analyse(bitmap(), 1, { clipId: 1, jpegQuality: 0.8 });
    void p.then(() => {
      done = true;
    });
    const [f] = a.frames();
    if (!f) throw new Error('frame not sent');
    a.say({ type: 'result', id: f.id, metrics: metrics(1), inferenceMs: 1, encoding: true, spare: null });
    await flush();
    expect(done).toBe(false);
    expect(client.free).toBe(true);
    const blob = new Blob(['x']);
    a.say({ type: 'jpeg', id: f.id, jpeg: blob });
    expect((await p)?.jpeg).toBe(blob);
  });

  it('a picture repeated across the two workers is recorded once, and a repeat kept as best stands for the first', async () => {
    const { client, a, b } = await twoReady();
    const rec = { clipId: 3, jpegQuality: 0.8 };
    const p1 = client.analyse(bitmap(), 1, rec);
    const p2 = client.analyse(bitmap(), 2, rec);
    const [f1] = a.frames();
    const [f2] = b.frames();
    if (!f1 || !f2) throw new Error('frames not sent');
    for (const [w, f] of [
      [b, f2],
      [a, f1],
    ] as const) {
      w.say({
        type: 'result',
        id: f.id,
        metrics: metrics(f.timestamp),
        inferenceMs: 1,
        encoding: true,
        spare: null,
      });
      w.say({ type: 'jpeg', id: f.id, jpeg: new Blob(['same picture']) });
    }
    expect((await p1)?.jpeg).not.toBeNull();
    expect((await p2)?.jpeg).toBeNull();
    const best = client.finishClip(3);
    a.say({ type: 'clip-finished', clipId: 3, bestFrameId: f1.id, score: 0.2, png: null });
    b.say({ type: 'clip-finished', clipId: 3, bestFrameId: f2.id, score: 0.5, png: null });
    expect((await best).bestFrameId).toBe(f1.id);
  });

  it('a frame after one whose repeat check is under way waits for it; a check that cannot read the bytes keeps the frame', async () => {
    const { client, a, b } = await twoReady();
    const rec = { clipId: 4, jpegQuality: 0.8 };
    const order: number[] = [];
    const track = (p: Promise<FrameResult | null>) =>
      p.then((r) => {
        order.push(r?.metrics.timestamp ?? -1);
        return r;
      });
    // Frames 1 and 2 are recorded with JPEGs of the same size, so frame 2's check reads bytes, which fails.
    const p1 = track(client.analyse(bitmap(), 1, rec));
    const p2 = track(client.analyse(bitmap(), 2, rec));
    const p3 = track(client.analyse(bitmap(), 3, null));
    const [f1, f3] = a.frames();
    const [f2] = b.frames();
    if (!f1 || !f2 || !f3) throw new Error('frames not sent');
    const unreadable = new Blob(['bbbb']);
    unreadable.arrayBuffer = () => Promise.reject(new Error('gone'));
    for (const [w, f, jpeg] of [
      [a, f1, new Blob(['aaaa'])],
      [b, f2, unreadable],
    ] as const) {
      w.say(result(f.id, f.timestamp, true));
      w.say({ type: 'jpeg', id: f.id, jpeg });
    }
    // Frame 3 has nothing to check, but comes after frame 2 in capture order.
    a.say(result(f3.id, 3));
    const [r1, r2, r3] = await Promise.all([p1, p2, p3]);
    expect(order).toEqual([1, 2, 3]);
    expect(r1?.jpeg).not.toBeNull();
    expect(r2?.jpeg).toBe(unreadable);
    expect(r3?.jpeg).toBeNull();
    // The chain is not stuck: the next frame still arrives.
    const p4 = client.analyse(bitmap(), 4, null);
    const w4 = [a, b].find((w) => w.frames().some((f) => f.timestamp === 4));
    const f4 = w4?.frames().find((f) => f.timestamp === 4);
    if (!w4 || !f4) throw new Error('frame 4 not sent');
    w4.say(result(f4.id, 4));
    expect((await p4)?.metrics.timestamp).toBe(4);
  });

  it("the clip's best frame is the best of both workers' bests", async () => {
    const { client, a, b } = await twoReady();
    const done = client.finishClip(7);
    const png = new Blob(['png']);
    a.say({ type: 'clip-finished', clipId: 7, bestFrameId: 3, score: 0.4, png: new Blob(['a']) });
    b.say({ type: 'clip-finished', clipId: 7, bestFrameId: 4, score: 0.9, png });
    expect(await done).toEqual({ bestFrameId: 4, png });
    expect(a.got.some((m) => m.type === 'finish-clip')).toBe(true);
    expect(b.got.some((m) => m.type === 'finish-clip')).toBe(true);
  });

  it('a second worker that fails to load leaves one worker doing the work', async () => {
    const client = new VisionClient(urls, 2);
    FakeWorker.all[0]?.say({ type: 'ready', initMs: 1 });
    FakeWorker.all[1]?.say({ type: 'init-failed', detail: 'no memory' });
    await client.whenReady();
    expect(client.free).toBe(true);
    expect(FakeWorker.all[1]?.terminated).toBe(true);
    void client.analyse(bitmap(), 1, null);
    expect(FakeWorker.all[0]?.frames()).toHaveLength(1);
  });

  it("the 3D mask's canvas goes to the first worker only, next to the worker script", async () => {
    const { client, a, b } = await twoReady();
    const canvas = {} as OffscreenCanvas;
    const look = { maskColor: '#008700', glowColor: '#000102', minAlpha: 0.3, maxAlpha: 1 };
    client.showMask(canvas, look);
    client.hideMask();
    const masks = a.got.filter((m) => m.type === 'mask' || m.type === 'mask-off');
    expect(masks).toEqual([
      { type: 'mask', canvas, rendererUrl: 'https://page.test/plugin/mask_renderer.js', look },
      { type: 'mask-off' },
    ]);
    expect(b.got.some((m) => m.type === 'mask' || m.type === 'mask-off')).toBe(false);
  });
});

describe('VisionClient with JPEGs made before the worker', () => {
  it('tells the worker the frame is encoded and gives the result the JPEG once it is made', async () => {
    const client = new VisionClient(urls, 1);
    const w = FakeWorker.all[0];
    if (!w) throw new Error('no worker');
    w.say({ type: 'ready', initMs: 1 });
    await client.whenReady();
    let made: (b: Blob | null) => void = () => undefined;
    const jpeg = new Blob(['jpeg']);
    const ticket = client.reserve({ clipId: 1, jpegQuality: 0.8 });
    ticket.send(bitmap(), 5, new Promise((r) => (made = r)));
    const plainTicket = client.reserve({ clipId: 1, jpegQuality: 0.8 });
    plainTicket.send(bitmap(), 6);
    const [first, second] = w.frames();
    expect(first?.record).toEqual({ clipId: 1, jpegQuality: 0.8, encoded: true });
    expect(second?.record).toEqual({ clipId: 1, jpegQuality: 0.8, encoded: false });
    let settled = false;
    void ticket.result.then(() => (settled = true));
    w.say({
      type: 'result',
      id: first?.id ?? -1,
      metrics: metrics(5),
      inferenceMs: 1,
      encoding: false,
      spare: null,
    });
    await flush();
    // The result waits for its JPEG, so a recorded frame never reaches the machine without its picture.
    expect(settled).toBe(false);
    made(jpeg);
    expect((await ticket.result)?.jpeg).toBe(jpeg);
    w.say({
      type: 'result',
      id: second?.id ?? -1,
      metrics: metrics(6),
      inferenceMs: 1,
      encoding: true,
      spare: null,
    });
    const other = new Blob(['other']);
    w.say({ type: 'jpeg', id: second?.id ?? -1, jpeg: other });
    expect((await plainTicket.result)?.jpeg).toBe(other);
  });

  it('an RGBA frame travels as its buffer (transferred), and the spare buffer a result returns goes to the copier', async () => {
    const recycled: ArrayBuffer[] = [];
    const spy = vi.spyOn(FrameCopier.prototype, 'recycle').mockImplementation((b) => {
      recycled.push(b);
    });
    const client = new VisionClient(urls, 1);
    const w = FakeWorker.all[0];
    if (!w) throw new Error('no worker');
    w.say({ type: 'ready', initMs: 1 });
    await client.whenReady();
    const rgba = new ArrayBuffer(16);
    const p = client.analyse({ rgba, width: 2, height: 2 }, 1, null);
    const [frame] = w.frames();
    expect(frame?.image).toEqual({ rgba, width: 2, height: 2 });
    expect(w.transfers.at(-1)).toEqual([rgba]);
    w.say({
      type: 'result',
      id: frame?.id ?? -1,
      metrics: metrics(1),
      inferenceMs: 1,
      encoding: false,
      spare: rgba,
    });
    expect((await p)?.metrics.timestamp).toBe(1);
    expect(recycled).toEqual([rgba]);
    spy.mockRestore();
  });
});
