import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TesseractMrzOcr } from '../src/documents/ocr.js';
import { readDocument } from '../src/documents/read.js';
import { type AnalysisService, createAnalysisService, REQUIRED_MODEL_FILES } from '../src/index.js';
import { silentLogger } from '../src/logger.js';
import { FaceEngine } from '../src/models/engine.js';
import { documentFixture, passportWithFace } from './helpers/cards.js';
import { assetsPresent, faceFixture, MODELS_DIR } from './helpers/env.js';
import { listen } from './helpers/server.js';

const DOCS = {
  td3: documentFixture('passport_td3_utopia_specimen.jpg'),
  td2: documentFixture('travel_doc_td2_utopia_specimen.jpg'),
  lux: documentFixture('passport_lux_specimen_photographed.jpg'),
};
const available = assetsPresent('documents analysis tests', [
  ...Object.values(DOCS),
  ...REQUIRED_MODEL_FILES.map((f) => join(MODELS_DIR, f)),
  faceFixture('fr_obama.jpg'),
]);

type Json = Record<string, unknown>;
const fieldsOf = (mrz: { fields: Record<string, { value: string | null; valid: boolean }> } | null) =>
  Object.fromEntries(Object.entries(mrz?.fields ?? {}).map(([k, v]) => [k, v.value]));

describe.skipIf(!available)('MRZ reading on the document fixtures (OCR)', () => {
  const ocr = new TesseractMrzOcr();
  afterAll(() => ocr.close());
  const read = (path: string) => readDocument(new Uint8Array(readFileSync(path)), ocr);

  it('reads the TD3 Utopia passport page', { timeout: 120_000 }, async () => {
    const r = await read(DOCS.td3);
    expect(r.mrz?.format).toBe('TD3');
    expect(fieldsOf(r.mrz)).toMatchObject({
      documentCode: 'P',
      lastName: 'ERIKSSON',
      firstName: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      birthDate: '740812',
      sex: 'female',
      expirationDate: '120415',
      personalNumber: 'ZE184226B',
    });
    for (const f of [
      'documentNumber',
      'birthDate',
      'expirationDate',
      'personalNumber',
      'compositeCheckDigit',
    ])
      expect(r.mrz?.fields[f]?.valid, f).toBe(true);
    // UTO is the standard's fictional state, and it is flagged as such.
    expect(r.mrz?.fields.issuingState?.valid).toBe(false);
  });

  it('reads the TD2 Utopia travel document', { timeout: 120_000 }, async () => {
    const r = await read(DOCS.td2);
    expect(r.mrz?.format).toBe('TD2');
    expect(fieldsOf(r.mrz)).toMatchObject({
      documentCode: 'I',
      lastName: 'ERIKSSON',
      firstName: 'ANNA MARIA',
      documentNumber: 'D23145890',
      birthDate: '740812',
      expirationDate: '120415',
    });
    for (const f of ['documentNumber', 'birthDate', 'expirationDate', 'compositeCheckDigit'])
      expect(r.mrz?.fields[f]?.valid, f).toBe(true);
  });

  it('reads the photographed, tilted Luxembourg passport', { timeout: 120_000 }, async () => {
    const r = await read(DOCS.lux);
    expect(r.angle).not.toBe(0);
    expect(r.mrz?.format).toBe('TD3');
    expect(fieldsOf(r.mrz)).toMatchObject({
      issuingState: 'LUX',
      nationality: 'LUX',
      lastName: 'MAUS',
      firstName: 'KETTY',
      documentNumber: 'S998527',
      birthDate: '780620',
      sex: 'female',
      expirationDate: '110808',
    });
    expect(r.mrz?.valid).toBe(true);
    console.info(`[documents] lux: locate ${r.locateMs} ms, OCR ${r.ocrMs} ms in ${r.attempts} attempt(s)`);
  });

  it('finds no zone on a face photo', { timeout: 60_000 }, async () => {
    const r = await read(faceFixture('fr_obama.jpg'));
    expect(r.mrz).toBeNull();
  });
});

describe.skipIf(!available)('documents and face match through the API', () => {
  const USER = { email: 'docs@example.test', password: 'pw' };
  let dataDir: string;
  let service: AnalysisService;
  let engine: FaceEngine;
  let base: string;
  let stop: () => Promise<void>;
  let token: string;

  const api = async (path: string, init: RequestInit = {}): Promise<{ status: number; body: Json }> => {
    const headers = new Headers(init.headers);
    if (token) headers.set('X-Forensic-Access-Token', token);
    if (typeof init.body === 'string') headers.set('content-type', 'application/json');
    const res = await fetch(`${base}${path}`, { ...init, headers });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  };

  const selfieShotsSet = async (path: string): Promise<Uint8Array> => {
    const zip = new JSZip();
    zip.file('frame_0.jpg', readFileSync(path));
    return zip.generateAsync({ type: 'uint8array' });
  };

  /** Selfie (shots set) + passport page (photo), then documents and biometry on the folder. */
  const run = async (selfie: string, card: Uint8Array, analyses: object[]): Promise<Json[]> => {
    const form = new FormData();
    form.append(
      'selfie',
      new Blob([await selfieShotsSet(selfie)], { type: 'application/zip' }),
      'selfie.zip',
    );
    form.append('front', new Blob([card], { type: 'image/jpeg' }), 'front.jpg');
    form.append(
      'payload',
      JSON.stringify({
        'media:tags': {
          selfie: ['video_selfie', 'video_selfie_blank'],
          front: ['photo_id', 'photo_id_front'],
        },
      }),
    );
    const folder = await api('/api/folders/', { method: 'POST', body: form });
    expect(folder.status).toBe(201);
    const launched = await api(`/api/folders/${folder.body.folder_id as string}/analyses/`, {
      method: 'POST',
      body: JSON.stringify({ analyses }),
    });
    expect(launched.status).toBe(201);
    const out: Json[] = [];
    for (const a of launched.body as unknown as Json[]) {
      for (let i = 0; ; i++) {
        const { body } = await api(`/api/analyses/${a.analysis_id as string}`);
        if (body.state !== 'PROCESSING') {
          out.push(body);
          break;
        }
        if (i > 1200) throw new Error('analysis did not finish');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return out;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ol-docs-'));
    engine = await FaceEngine.load(MODELS_DIR, 1);
    service = await createAnalysisService({
      dataDir,
      modelsDir: MODELS_DIR,
      users: [USER],
      maxFramesPerMedia: 1,
      logger: silentLogger,
    });
    const server = await listen(service.app);
    base = server.url;
    stop = server.close;
    const auth = await api('/api/authorize/auth', {
      method: 'POST',
      body: JSON.stringify({ credentials: USER }),
    });
    token = auth.body.access_token as string;
  }, 60_000);

  afterAll(async () => {
    await stop?.();
    await service?.close();
    await engine?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('same person on the card: MRZ fields and biometry success', { timeout: 180_000 }, async () => {
    const card = await passportWithFace(engine, faceFixture('fr_obama2.jpg'));
    const [docs, bio] = await run(faceFixture('fr_obama.jpg'), card, [
      { type: 'documents' },
      { type: 'biometry' },
    ]);
    expect(docs).toMatchObject({ type: 'DOCUMENTS', state: 'FINISHED', resolution_status: 'SUCCESS' });
    const data = docs?.results_data as Json;
    expect(data.format).toBe('TD3');
    expect((data.fields as Json).documentNumber).toEqual({ value: 'L898902C3', valid: true });
    expect((data.fields as Json).birthDate).toEqual({ value: '740812', valid: true });
    expect(data.failed_fields).toEqual([]);
    expect(data.confidence).toBeGreaterThan(0.5);
    // Documents picks the photo_id media only (the video selfie is biometry's business).
    const perMedia = docs?.results_media as Json[];
    expect(perMedia).toHaveLength(1);
    expect(perMedia[0]?.results_data).toMatchObject({ document_read: true, resolution: 'SUCCESS' });
    expect(bio).toMatchObject({ type: 'BIOMETRY', resolution_status: 'SUCCESS' });
    expect(((bio as Json).results_data as Json).min_confidence).toBeGreaterThanOrEqual(0.4);
  });

  it('another person on the card: biometry declined', { timeout: 180_000 }, async () => {
    const card = await passportWithFace(engine, faceFixture('fr_biden.jpg'));
    const [bio] = await run(faceFixture('fr_obama.jpg'), card, [{ type: 'biometry' }]);
    expect(bio).toMatchObject({ type: 'BIOMETRY', resolution_status: 'DECLINED' });
    expect(((bio as Json).results_data as Json).min_confidence).toBeLessThan(0.4);
  });

  it('declines a document whose checked field fails, and fails without a document', {
    timeout: 180_000,
  }, async () => {
    const card = await passportWithFace(engine, faceFixture('fr_obama2.jpg'));
    const [strict] = await run(faceFixture('fr_obama.jpg'), card, [
      { type: 'documents', params: { fields_to_check: ['issuingState', 'documentNumber'] } },
    ]);
    expect(strict).toMatchObject({ resolution_status: 'DECLINED' });
    expect(((strict as Json).results_data as Json).failed_fields).toEqual(['issuingState']);

    const face = new Uint8Array(readFileSync(faceFixture('fr_biden.jpg')));
    const [none] = await run(faceFixture('fr_obama.jpg'), face, [{ type: 'documents' }]);
    expect(none).toMatchObject({
      state: 'FAILED',
      error_code: 202,
      error_message: 'Processing error - did not found any document candidates on image',
    });

    const [bad] = await run(faceFixture('fr_obama.jpg'), card, [
      { type: 'documents', params: { fields_to_check: 'all' } },
    ]);
    expect(bad).toMatchObject({ state: 'FAILED', error_code: 4 });
  });
});
