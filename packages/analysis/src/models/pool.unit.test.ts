import { afterEach, describe, expect, it } from 'vitest';
import { FaceEnginePool } from './pool.js';

const FAKE = new URL('../../test/helpers/fake-engine-worker.mjs', import.meta.url);
const image = (width: number) => ({ width, height: 1, data: new Uint8Array(width * 3) });
const box = { x1: 0, y1: 0, x2: 1, y2: 1 };

describe('FaceEnginePool', () => {
  let pool: FaceEnginePool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('spreads calls over its threads and answers each call with its own result', async () => {
    pool = await FaceEnginePool.start(2, { modelsDir: '', threads: 1 }, { url: FAKE });
    const answers = (await Promise.all([1, 2, 3, 4].map((w) => pool?.mainFace(image(w))))) as unknown as {
      width: number;
      threadId: number;
    }[];
    expect(answers.map((a) => a.width)).toEqual([1, 2, 3, 4]);
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(2);
  });

  it('turns a failed call into a rejection and replaces a thread that dies', async () => {
    const errors: string[] = [];
    pool = await FaceEnginePool.start(
      1,
      { modelsDir: '', threads: 1 },
      { url: FAKE, onError: (e) => errors.push(e.message) },
    );
    await expect(pool.landmarks(image(1), box)).rejects.toThrow('bad crop');
    await expect(pool.embedding(image(1), box)).rejects.toThrow(/exited with 3/);
    expect(errors).toEqual(['inference worker exited with 3']);
    // The replacement answers.
    await expect(pool.mainFace(image(7))).resolves.toMatchObject({ width: 7 });
  });

  it('posts a frame’s pixels in shared memory, the same values, leaving the caller’s frame as it was', async () => {
    pool = await FaceEnginePool.start(1, { modelsDir: '', threads: 1 }, { url: FAKE });
    const frame = { width: 2, height: 1, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    const first = (await pool.antispoofScores(frame, box)) as unknown as { shared: boolean; sum: number };
    const again = (await pool.antispoofScores(frame, box)) as unknown as { shared: boolean; sum: number };
    expect(first).toEqual({ shared: true, sum: 21 });
    expect(again).toEqual(first);
    expect(frame.data.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  });

  it('decodes in a thread: only the frame’s own bytes travel, the pixels come back in shared memory', async () => {
    pool = await FaceEnginePool.start(1, { modelsDir: '', threads: 1 }, { url: FAKE });
    // A frame read from an archive can be a view into the whole archive.
    const archive = Uint8Array.from({ length: 64 }, (_, i) => i);
    const frameBytes = archive.subarray(10, 16);
    const frame = (await pool.decode(frameBytes)) as unknown as {
      width: number;
      height: number;
      data: Uint8Array;
      bufferBytes: number;
    };
    expect(frame.bufferBytes).toBe(6);
    expect([...frame.data]).toEqual([10, 11, 12, 13, 14, 15]);
    expect(frame.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    // The caller's bytes are neither moved nor changed.
    expect([...frameBytes]).toEqual([10, 11, 12, 13, 14, 15]);
    expect(archive.byteLength).toBe(64);
    // Passed on as they are: shared already, so the next call posts no copy.
    const scores = (await pool.antispoofScores(frame, box)) as unknown as { shared: boolean; sum: number };
    expect(scores).toEqual({ shared: true, sum: 75 });
  });

  it('fails to start with the worker’s reason', async () => {
    await expect(
      FaceEnginePool.start(1, { modelsDir: '', threads: 1, fail: true } as never, { url: FAKE }),
    ).rejects.toThrow('no models here');
  });
});
