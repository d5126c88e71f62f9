import { describe, expect, it } from 'vitest';
import { FrameCopier, type FrameCopierDeps, type FrameWorkerPort } from './frame-copier.js';
import type { FromFrameWorker, ToFrameWorker } from './frame-protocol.js';

const bitmap = (tag: string) => ({ tag }) as unknown as ImageBitmap;
/** A copy without a JPEG from the frame worker. */
const plain = (tag: string) => ({ image: bitmap(tag), jpeg: null });
const video = (w = 640, h = 480) => ({ videoWidth: w, videoHeight: h }) as HTMLVideoElement;
const flush = () => new Promise((r) => setTimeout(r, 0));

/** A fake frame worker: keeps what the page sent, answers when the test says so. */
function fakeWorker() {
  const sent: Array<{ msg: ToFrameWorker; transfer: Transferable[] }> = [];
  let answer: (m: FromFrameWorker) => void = () => undefined;
  let fail: () => void = () => undefined;
  let stopped = 0;
  const port: FrameWorkerPort = {
    send: (msg, transfer) => sent.push({ msg, transfer }),
    listen(onMessage, onFailure) {
      answer = onMessage;
      fail = onFailure;
    },
    stop: () => {
      stopped++;
    },
  };
  return {
    port,
    sent,
    answer: (m: FromFrameWorker) => answer(m),
    fail: () => fail(),
    stopped: () => stopped,
  };
}

function copier(over: Partial<FrameCopierDeps>, here: string[] = []) {
  return new FrameCopier({
    startWorker: () => null,
    wrap: () => ({ close() {} }) as unknown as VideoFrame,
    copyHere: (_v, size) => {
      here.push(size ? `${size.width}x${size.height}` : 'full');
      return Promise.resolve(bitmap('here'));
    },
    ...over,
  });
}

describe('FrameCopier', () => {
  it('hands the wrapped frame to the worker (transferred) and resolves each copy with its own bitmap', async () => {
    const w = fakeWorker();
    const here: string[] = [];
    const c = copier({ startWorker: () => w.port }, here);
    const a = c.copy(video());
    const b = c.copy(video(1280, 720));
    expect(w.sent).toHaveLength(2);
    expect(w.sent[0]?.transfer).toEqual([w.sent[0]?.msg.frame]);
    expect(w.sent[0]?.msg.size).toBeNull();
    expect(w.sent[0]?.msg.jpegQuality).toBeNull();
    // HD frames are scaled to the analysis size while converted (vision/frame-size.ts).
    expect(w.sent[1]?.msg.size).toEqual({ width: 640, height: 360 });
    const [first, second] = w.sent;
    if (!first || !second) throw new Error('nothing sent');
    w.answer({ id: second.msg.id, image: bitmap('b'), spare: null });
    w.answer({ id: first.msg.id, image: bitmap('a'), spare: null });
    expect(await a).toEqual(plain('a'));
    expect(await b).toEqual(plain('b'));
    expect(here).toEqual([]);
  });

  it('copies on the page where there is no worker, or when the video has no frame to wrap', async () => {
    const here: string[] = [];
    expect(await copier({}, here).copy(video())).toEqual(plain('here'));
    const w = fakeWorker();
    const c = copier(
      {
        startWorker: () => w.port,
        wrap: () => {
          throw new DOMException('no frame', 'InvalidStateError');
        },
      },
      here,
    );
    expect(await c.copy(video(1280, 720))).toEqual(plain('here'));
    expect(w.sent).toHaveLength(0);
    expect(here).toEqual(['full', '640x360']);
  });

  it('a frame the worker could not convert is copied on the page instead; the next still goes to the worker', async () => {
    const w = fakeWorker();
    const here: string[] = [];
    const c = copier({ startWorker: () => w.port }, here);
    const a = c.copy(video());
    w.answer({ id: w.sent[0]?.msg.id ?? -1, error: 'bad frame' });
    expect(await a).toEqual(plain('here'));
    void c.copy(video());
    expect(w.sent).toHaveLength(2);
  });

  it('when the worker fails, the frames it held and every later one are copied on the page', async () => {
    const w = fakeWorker();
    const here: string[] = [];
    let starts = 0;
    const c = copier(
      {
        startWorker: () => {
          starts++;
          return w.port;
        },
      },
      here,
    );
    const held = [c.copy(video()), c.copy(video())];
    w.fail();
    expect(await Promise.all(held)).toEqual([plain('here'), plain('here')]);
    expect(w.stopped()).toBe(1);
    expect(await c.copy(video())).toEqual(plain('here'));
    expect(starts).toBe(1);
    expect(w.sent).toHaveLength(2);
  });

  it('stop() ends the worker and rejects the copies still out', async () => {
    const w = fakeWorker();
    const c = copier({ startWorker: () => w.port });
    c.warm();
    const a = c.copy(video());
    c.stop();
    await expect(a).rejects.toThrow('stopped');
    expect(w.stopped()).toBe(1);
    await flush();
  });

  it('a recorded frame is encoded by the worker: its JPEG follows the image', async () => {
    const w = fakeWorker();
    const c = copier({ startWorker: () => w.port });
    const a = c.copy(video(), 0.8);
    const id = w.sent[0]?.msg.id ?? -1;
    expect(w.sent[0]?.msg.jpegQuality).toBe(0.8);
    w.answer({ id, image: bitmap('a'), spare: null });
    const copied = await a;
    expect(copied.image).toEqual(bitmap('a'));
    const jpeg = new Blob(['jpeg']);
    w.answer({ id, jpeg });
    expect(await copied.jpeg).toBe(jpeg);
  });

  it('a JPEG the worker can no longer send is null; a frame copied on the page has none (its worker encodes)', async () => {
    const w = fakeWorker();
    const here: string[] = [];
    const c = copier({ startWorker: () => w.port }, here);
    const encoded = c.copy(video(), 0.8);
    w.answer({ id: w.sent[0]?.msg.id ?? -1, image: bitmap('a'), spare: null });
    const held = c.copy(video(), 0.8);
    w.fail();
    expect(await (await encoded).jpeg).toBeNull();
    expect(await held).toEqual(plain('here'));
  });

  it('sends a recycled buffer with the next frame (transferred) for the worker to copy into', async () => {
    const w = fakeWorker();
    const c = copier({ startWorker: () => w.port });
    c.copy(video()).catch(() => undefined);
    expect(w.sent[0]?.msg.buffer).toBeNull();
    const buffer = new ArrayBuffer(640 * 480 * 4);
    c.recycle(buffer);
    c.copy(video()).catch(() => undefined);
    expect(w.sent[1]?.msg.buffer).toBe(buffer);
    expect(w.sent[1]?.transfer).toEqual([w.sent[1]?.msg.frame, buffer]);
    // Taken once: the frame after has none until another comes back.
    c.copy(video()).catch(() => undefined);
    expect(w.sent[2]?.msg.buffer).toBeNull();
    // HD frames are shrunk into a buffer too (at the analysis size).
    c.recycle(buffer);
    c.copy(video(1280, 720)).catch(() => undefined);
    expect(w.sent[3]?.msg.buffer).toBe(buffer);
    expect(w.sent[3]?.transfer).toEqual([w.sent[3]?.msg.frame, buffer]);
    c.stop();
  });

  it('a buffer the worker sends back unused (the frame became a bitmap) goes out again with the next frame', async () => {
    const w = fakeWorker();
    const c = copier({ startWorker: () => w.port });
    const buffer = new ArrayBuffer(640 * 480 * 4);
    c.recycle(buffer);
    const a = c.copy(video());
    expect(w.sent[0]?.msg.buffer).toBe(buffer);
    w.answer({ id: w.sent[0]?.msg.id ?? -1, image: bitmap('a'), spare: buffer });
    expect(await a).toEqual(plain('a'));
    c.copy(video()).catch(() => undefined);
    expect(w.sent[1]?.msg.buffer).toBe(buffer);
    c.stop();
  });
});
