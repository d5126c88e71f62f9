import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, startTestAdapter, testConfig } from '../testing/app.js';
import { assetsPresent, FIXTURES_DIR, REAL_ASSETS } from '../testing/assets.js';
import { buildShotSet, faceJpeg, type UploadPart, uploadForm } from '../testing/capture.js';
import { type RealAnalysis, startRealAnalysis } from '../testing/real-analysis.js';

/*
 * Photo actions through the protocol against the REAL embedded analysis service: a selfie shot set
 * plus a passport page (the ICAO TD3 specimen with its portrait replaced at test time by a face
 * fixture) → documents (MRZ fields) and biometry (same person / another person).
 */
const face = (name: string) => join(FIXTURES_DIR, 'faces', name);
const TD3 = join(FIXTURES_DIR, 'documents', 'passport_td3_utopia_specimen.jpg');
const present = assetsPresent('adapter documents (real models)', [
  ...REAL_ASSETS,
  TD3,
  face('fr_obama.jpg'),
  face('fr_obama2.jpg'),
  face('fr_biden.jpg'),
]);

/** Head-and-shoulders crops (3:4) around the faces, measured with the analysis service's detector. */
const PORTRAIT_CROPS = {
  'fr_obama2.jpg': { left: 0, top: 14, width: 626, height: 835 },
  'fr_biden.jpg': { left: 215, top: 0, width: 700, height: 933 },
} as const;

async function passportWith(name: keyof typeof PORTRAIT_CROPS): Promise<Buffer> {
  const portrait = await sharp(face(name))
    .extract(PORTRAIT_CROPS[name])
    .resize(300, 400, { fit: 'cover' })
    .png()
    .toBuffer();
  return sharp(TD3)
    .composite([{ input: portrait, left: 126, top: 212 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

type Json = Record<string, unknown>;

describe.skipIf(!present)('photo actions against the embedded analysis service', () => {
  let real: RealAnalysis;
  let selfie: Buffer;

  beforeAll(async () => {
    real = await startRealAnalysis();
    const frame = await faceJpeg(face('fr_obama.jpg'));
    selfie = await buildShotSet({ action: 'video_selfie_blank', frames: [frame, frame] });
  }, 60_000);

  afterAll(async () => {
    await real?.close();
  });

  const config = testConfig({
    result_mode: 'full',
    analyses: { quality: true, biometry: true, documents: true },
  });

  async function capture(parts: UploadPart[]): Promise<{ status: number; final: Json }> {
    const adapter = await startTestAdapter(config, real.api);
    try {
      const session = await startSession(adapter.url, {
        actions: ['video_selfie_blank', 'photo_id_front', 'photo_id_back'],
      });
      expect(session.status).toBe(200);
      const upload = await fetch(`${adapter.url}/api/v1/sessions/${session.json.session}/media`, {
        method: 'POST',
        body: uploadForm(parts),
      });
      const accepted = (await upload.json()) as Json;
      if (upload.status !== 202) return { status: upload.status, final: accepted };
      for (let i = 0; i < 600; i++) {
        const res = await fetch(`${adapter.url}/api/v1/sessions/${accepted.session}/result`);
        const body = (await res.json()) as Json;
        if (body.state === 'finished') return { status: 202, final: body };
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('analyses did not finish');
    } finally {
      await adapter.close();
    }
  }

  const byType = (final: Json) =>
    Object.fromEntries((final.analyses as Json[]).map((a) => [String(a.type).toLowerCase(), a]));

  it('selfie + document front/back of the same person: documents read, biometry success', async () => {
    const front = await passportWith('fr_obama2.jpg');
    const back = await sharp(join(FIXTURES_DIR, 'documents', 'id_card_deu_specimen_back.jpg'))
      .png()
      .toBuffer();
    const { status, final } = await capture([
      { field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: selfie },
      { field: 'photo1', action: 'photo_id_front', kind: 'photo', data: front, type: 'image/jpeg' },
      { field: 'photo2', action: 'photo_id_back', kind: 'photo', data: back, type: 'image/png' },
    ]);
    expect(status, JSON.stringify(final)).toBe(202);
    const analyses = byType(final);
    expect(Object.keys(analyses).sort()).toEqual(['biometry', 'documents', 'quality']);
    expect(analyses.biometry).toMatchObject({ resolution_status: 'SUCCESS' });
    expect(analyses.documents).toMatchObject({ resolution_status: 'SUCCESS' });
    const fields = ((analyses.documents as Json).results_data as Json).fields as Json;
    expect(fields.documentNumber).toEqual({ value: 'L898902C3', valid: true });
    expect(fields.lastName).toMatchObject({ value: 'ERIKSSON' });
    // The photos went in with the spec's tags.
    const folder = await real.api.getFolder(String(final.folder_id));
    expect(folder.ok).toBe(true);
    const tags = folder.ok ? (folder.value.media ?? []).map((m) => [...(m.tags ?? [])].sort()) : [];
    expect(tags).toEqual(
      expect.arrayContaining([
        ['photo_id', 'photo_id_front'],
        ['photo_id', 'photo_id_back'],
      ]),
    );
  }, 240_000);

  it('a document of another person: biometry declined', async () => {
    const front = await passportWith('fr_biden.jpg');
    const { status, final } = await capture([
      { field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: selfie },
      { field: 'photo1', action: 'photo_id_front', kind: 'photo', data: front, type: 'image/jpeg' },
    ]);
    expect(status, JSON.stringify(final)).toBe(202);
    expect(byType(final).biometry).toMatchObject({ resolution_status: 'DECLINED' });
  }, 240_000);

  it('validates photos like frames: bytes decide, a broken image is refused', async () => {
    const jpeg = await passportWith('fr_obama2.jpg');
    const truncated = jpeg.subarray(0, 2000);
    const bad = await capture([
      { field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: selfie },
      { field: 'photo1', action: 'photo_id_front', kind: 'photo', data: truncated, type: 'image/jpeg' },
    ]);
    expect(bad.status).toBe(422);
    expect(bad.final).toMatchObject({ code: 'upload_bad_image' });
    const notImage = await capture([
      { field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: selfie },
      {
        field: 'photo1',
        action: 'photo_id_front',
        kind: 'photo',
        data: Buffer.from('GIF89a....'),
        type: 'image/jpeg',
      },
    ]);
    expect(notImage.status).toBe(415);
    expect(notImage.final).toMatchObject({ code: 'upload_unsupported_type' });
  }, 120_000);
});
