import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spoofConfidence } from '../src/jobs/decisions.js';
import { decodeImage } from '../src/media/decode.js';
import { cosineSimilarity } from '../src/models/align.js';
import { FaceEngine, REQUIRED_MODEL_FILES } from '../src/models/engine.js';
import type { RgbImage } from '../src/models/image.js';
import { antispoofFixture, assetsPresent, FIXTURES_DIR, faceFixture, MODELS_DIR } from './helpers/env.js';
import { faceIdentities } from './helpers/identities.js';

const available = assetsPresent('analysis model tests', [
  ...REQUIRED_MODEL_FILES.map((f) => join(MODELS_DIR, f)),
  join(FIXTURES_DIR, 'antispoof', 'MANIFEST.md'),
  join(FIXTURES_DIR, 'faces', 'MANIFEST.md'),
]);

const LIVENESS_THRESHOLD = 0.5;
const BIOMETRY_THRESHOLD = 0.4;

describe.skipIf(!available)('models on the labelled stills', () => {
  let engine: FaceEngine;
  const load = async (path: string): Promise<RgbImage> => decodeImage(await readFile(path));

  async function spoofScore(img: RgbImage): Promise<number> {
    const face = await engine.mainFace(img);
    if (!face) throw new Error('no face');
    return spoofConfidence([(await engine.antispoofScores(img, face.box)).real]);
  }

  beforeAll(async () => {
    engine = await FaceEngine.load(MODELS_DIR, 1);
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.each([
    ['minivision_image_F1.jpg', 'print'],
    ['minivision_image_F2.jpg', 'tablet replay'],
    ['hyperfas_fake_screen.png', 'screen replay'],
  ])('declines the spoof %s (%s)', async (file) => {
    expect(await spoofScore(await load(antispoofFixture(file)))).toBeGreaterThanOrEqual(LIVENESS_THRESHOLD);
  });

  it('accepts the real capture T1 with a wide margin', async () => {
    expect(await spoofScore(await load(antispoofFixture('minivision_image_T1.jpg')))).toBeLessThan(0.1);
  });

  it('finds exactly one face on each labelled still, and none in an empty room', async () => {
    for (const f of ['minivision_image_T1.jpg', 'minivision_image_F1.jpg', 'hyperfas_fake_screen.png']) {
      expect((await engine.mainFace(await load(antispoofFixture(f))))?.faceCount).toBe(1);
    }
    const empty = join(FIXTURES_DIR, 'images', 'no_face_empty_room.jpg');
    expect(await engine.mainFace(await load(empty))).toBeNull();
  });

  describe('bona fide photos and identities', () => {
    const ids = available ? faceIdentities() : new Map<string, string>();
    const embeddings = new Map<string, Float32Array>();
    const spoof = new Map<string, number>();

    beforeAll(async () => {
      for (const file of ids.keys()) {
        const img = await load(faceFixture(file));
        const face = await engine.mainFace(img);
        if (!face) continue;
        embeddings.set(file, await engine.embedding(img, face.box));
        spoof.set(file, spoofConfidence([(await engine.antispoofScores(img, face.box)).real]));
      }
    });

    it('finds a face on every face fixture', () => {
      expect(ids.size).toBe(35);
      expect(embeddings.size).toBe(ids.size);
    });

    it('accepts nearly all bona fide photos as live (press photos are out of domain)', () => {
      // Measured 34/35 at 0.5 (lowest deepface_img18 with 0.507 spoof); models.md saw 33/35.
      const accepted = [...spoof.values()].filter((s) => s < LIVENESS_THRESHOLD).length;
      expect(accepted).toBeGreaterThanOrEqual(33);
    });

    it('separates same-person from different-person pairs at the default threshold', () => {
      const files = [...embeddings.keys()];
      let same = 0;
      let different = 0;
      for (let i = 0; i < files.length; i++) {
        for (let j = i + 1; j < files.length; j++) {
          const a = files[i] as string;
          const b = files[j] as string;
          const cos = cosineSimilarity(embeddings.get(a) as Float32Array, embeddings.get(b) as Float32Array);
          if (ids.get(a) === ids.get(b)) {
            same++;
            expect(cos, `${a} ~ ${b}`).toBeGreaterThanOrEqual(BIOMETRY_THRESHOLD);
          } else {
            different++;
            expect(cos, `${a} vs ${b}`).toBeLessThan(BIOMETRY_THRESHOLD);
          }
        }
      }
      expect(same).toBe(38);
      expect(different).toBe(557);
    });
  });
});
