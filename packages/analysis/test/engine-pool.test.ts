import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../src/media/decode.js';
import { FaceEngine, REQUIRED_MODEL_FILES } from '../src/models/engine.js';
import { engineWorkerAvailable, FaceEnginePool } from '../src/models/pool.js';
import { assetsPresent, faceFixture, MODELS_DIR } from './helpers/env.js';

// The built inference thread (pnpm build); the sources alone cannot start it.
const WORKER = new URL('../dist/models/engineWorker.js', import.meta.url);
const available =
  engineWorkerAvailable(WORKER) &&
  assetsPresent('inference pool tests', [
    ...REQUIRED_MODEL_FILES.map((f) => join(MODELS_DIR, f)),
    faceFixture('fr_obama.jpg'),
  ]);

describe.skipIf(!available)('the inference threads against the same engine in process', () => {
  let pool: FaceEnginePool;
  let engine: FaceEngine;
  beforeAll(async () => {
    [pool, engine] = await Promise.all([
      FaceEnginePool.start(2, { modelsDir: MODELS_DIR, threads: 1 }, { url: WORKER }),
      FaceEngine.load(MODELS_DIR, 1),
    ]);
  });
  afterAll(async () => {
    await Promise.all([pool?.close(), engine?.close()]);
  });

  it('decode in a thread gives exactly the pixels of decoding here, and the same face, scores and embedding', async () => {
    const bytes = await readFile(faceFixture('fr_obama.jpg'));
    const here = await decodeImage(bytes);
    const there = await pool.decode(bytes);
    expect(there.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([there.width, there.height]).toEqual([here.width, here.height]);
    expect(Buffer.from(there.data).equals(Buffer.from(here.data))).toBe(true);

    const face = await engine.mainFace(here);
    expect(face).not.toBeNull();
    const box = face?.box ?? { x1: 0, y1: 0, x2: 1, y2: 1 };
    expect(await pool.mainFace(there)).toEqual(face);
    expect(await pool.antispoofScores(there, box)).toEqual(await engine.antispoofScores(here, box));
    expect(await pool.landmarks(there, box)).toEqual(await engine.landmarks(here, box));
    expect([...(await pool.embedding(there, box))]).toEqual([...(await engine.embedding(here, box))]);
  });

  it('refuses bytes that are not an image, as decoding here does', async () => {
    const junk = new TextEncoder().encode('not a jpeg at all');
    await expect(decodeImage(junk)).rejects.toThrow();
    await expect(pool.decode(junk)).rejects.toThrow();
  });
});
