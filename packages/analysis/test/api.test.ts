import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalysisService, createAnalysisService, REQUIRED_MODEL_FILES } from '../src/index.js';
import { silentLogger } from '../src/logger.js';
import { antispoofFixture, assetsPresent, FIXTURES_DIR, faceFixture, MODELS_DIR } from './helpers/env.js';
import { listen, webhookSink } from './helpers/server.js';

const available = assetsPresent('analysis API tests', [
  ...REQUIRED_MODEL_FILES.map((f) => join(MODELS_DIR, f)),
  join(FIXTURES_DIR, 'antispoof', 'MANIFEST.md'),
]);

type Json = Record<string, unknown> & { [k: string]: unknown };
const USER = { email: 'backend@example.test', password: 'correct horse' };
/** A user of another company (tenant). */
const OTHER = { email: 'other@example.test', password: 'battery staple', company_id: 'other-company' };

async function shotsSet(files: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  files.forEach((f, i) => {
    zip.file(`frame_${i}.jpg`, readFileSync(f));
  });
  return zip.generateAsync({ type: 'uint8array' });
}

describe.skipIf(!available)('Oz-compatible HTTP API', () => {
  let dataDir: string;
  let service: AnalysisService;
  let base: string;
  let stop: () => Promise<void>;
  let token: string;

  const api = async (
    path: string,
    init: RequestInit = {},
    auth = true,
  ): Promise<{ status: number; body: Json }> => {
    const headers = new Headers(init.headers);
    if (auth) headers.set('X-Forensic-Access-Token', token);
    if (typeof init.body === 'string') headers.set('content-type', 'application/json');
    const res = await fetch(`${base}${path}`, { ...init, headers });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  };

  const createFolder = async (
    files: Record<string, { bytes: Uint8Array; name: string; type: string }>,
    payload: object,
  ) => {
    const form = new FormData();
    for (const [key, f] of Object.entries(files))
      form.append(key, new Blob([f.bytes], { type: f.type }), f.name);
    form.append('payload', JSON.stringify(payload));
    return api('/api/folders/', { method: 'POST', body: form });
  };

  const jpeg = (path: string) => ({
    bytes: new Uint8Array(readFileSync(path)),
    name: path.split('/').pop() ?? 'x.jpg',
    type: 'image/jpeg',
  });

  const pollAnalysis = async (id: string): Promise<Json> => {
    for (let i = 0; i < 200; i++) {
      const { body } = await api(`/api/analyses/${id}`);
      if (body.state !== 'PROCESSING') return body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('analysis did not finish');
  };

  const launch = async (folderId: string, analyses: object[]): Promise<Json[]> => {
    const { status, body } = await api(`/api/folders/${folderId}/analyses/`, {
      method: 'POST',
      body: JSON.stringify({ analyses }),
    });
    expect(status).toBe(201);
    return Promise.all((body as unknown as Json[]).map((a) => pollAnalysis(a.analysis_id as string)));
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ol-analysis-'));
    service = await createAnalysisService({
      dataDir,
      modelsDir: MODELS_DIR,
      users: [USER, OTHER],
      livenessThreshold: 0.5,
      biometryThreshold: 0.4,
      maxFramesPerMedia: 3,
      inferenceThreads: 1,
      webhookBaseDelayMs: 10,
      // The test's receiver listens on loopback.
      webhookAllowPrivateTargets: true,
      webhookSecret: 'webhook-secret-for-tests',
      logger: silentLogger,
    });
    const server = await listen(service.app);
    base = server.url;
    stop = server.close;
  });

  afterAll(async () => {
    await stop?.();
    await service?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('authenticates with credentials and rejects bad or missing tokens', async () => {
    const bad = await api(
      '/api/authorize/auth',
      { method: 'POST', body: JSON.stringify({ credentials: { ...USER, password: 'x' } }) },
      false,
    );
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ error_code: 7 });
    const good = await api(
      '/api/authorize/auth/',
      { method: 'POST', body: JSON.stringify({ credentials: USER }) },
      false,
    );
    expect(good.status).toBe(201);
    expect(typeof good.body.access_token).toBe('string');
    expect(typeof good.body.expire_token).toBe('string');
    token = good.body.access_token as string;
    // A JWT whose payload carries `exp`, as Oz API ≥ 6.0.1 clients expect.
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Json;
    expect(claims.exp).toBeTypeOf('number');

    const none = await api('/api/folders/', {}, false);
    expect(none).toMatchObject({ status: 401, body: { error_code: 6, details: null } });
    const forged = await fetch(`${base}/api/folders/`, {
      headers: { 'X-Forensic-Access-Token': `${token}x` },
    });
    expect(forged.status).toBe(401);

    const renewed = await api('/api/authorize/refresh/', {
      method: 'POST',
      body: JSON.stringify({ expire_token: good.body.expire_token }),
    });
    expect(renewed.status).toBe(201);
    token = renewed.body.access_token as string;
    expect((await api('/api/folders/')).status).toBe(200);
  });

  let realFolderId = '';
  const hook = { url: '', next: (): Promise<unknown> => Promise.resolve(null), close: async () => {} };

  it('creates a folder from multipart media with tags and meta_data, and finds it by meta_data', async () => {
    Object.assign(hook, await webhookSink());
    // One frame: the same frame twice is a frozen stream, which liveness declines (frames_duplicated).
    const video = await shotsSet([antispoofFixture('minivision_image_T1.jpg')]);
    const { status, body } = await createFolder(
      {
        video1: { bytes: video, name: 'video1.zip', type: 'application/zip' },
        photo1: jpeg(faceFixture('fr_obama.jpg')),
      },
      {
        'folder:meta_data': { transaction_id: 'tx-real-1', person_info: { first_name: 'Ann' } },
        'media:meta_data': { video1: { additional_info: '{"virtual_camera_suspected":false}' } },
        'media:tags': {
          video1: ['video_selfie', 'video_selfie_blank', 'orientation_portrait'],
          photo1: ['photo_selfie'],
        },
        resolution_endpoint: hook.url,
      },
    );
    expect(status).toBe(201);
    realFolderId = body.folder_id as string;
    expect(body).toMatchObject({ resolution_status: 'INITIAL', meta_data: { transaction_id: 'tx-real-1' } });
    const media = body.media as Json[];
    expect(media).toHaveLength(2);
    const video1 = media.find((m) => (m.tags as string[]).includes('video_selfie')) as Json;
    expect(video1).toMatchObject({
      media_type: 'SHOTS_SET_FOLDER',
      meta_data: { additional_info: expect.any(String) },
    });

    const got = await api(`/api/folders/${realFolderId}/`);
    expect(got.body.folder_id).toBe(realFolderId);

    const hit = await api('/api/folders/?meta_data=transaction_id==tx-real-1&with_analyses=true');
    expect((hit.body.items as Json[]).map((f) => f.folder_id)).toEqual([realFolderId]);
    const nested = await api('/api/folders/?meta_data=person_info.first_name==Ann');
    expect(nested.body.items as Json[]).toHaveLength(1);
    const miss = await api('/api/folders/?meta_data=transaction_id==nope');
    expect(miss.body.items).toEqual([]);
    const excluded = await api('/api/folders/?meta_data=transaction_id!=tx-real-1');
    expect(excluded.body.items).toEqual([]);
  });

  it('runs quality on a real shots set to SUCCESS and calls the webhook', async () => {
    const delivered = hook.next();
    const [quality] = await launch(realFolderId, [{ type: 'quality', params: { threshold_spoofing: 0.5 } }]);
    expect(quality).toMatchObject({
      type: 'QUALITY',
      state: 'FINISHED',
      resolution_status: 'SUCCESS',
      resolution: 'SUCCESS',
    });
    const results = (quality as Json).results_media as Json[];
    // Both media are selected: the shots set and the selfie photo.
    expect(results).toHaveLength(2);
    for (const r of results) expect((r.results_data as Json).confidence_spoofing).toBeLessThan(0.5);
    expect((results[0] as Json).output_images).toEqual([
      expect.objectContaining({
        media_type: 'IMAGE_RESULT_ANALYSIS_SINGLE',
        original_url: expect.stringMatching(/\/file$/),
      }),
    ]);
    const hookBody = (await delivered) as Json;
    expect(hookBody).toMatchObject({
      folder_id: realFolderId,
      resolution_status: 'FINISHED',
      system_resolution: 'SUCCESS',
    });
    expect((hookBody.analyses as Json[])[0]).toMatchObject({ analysis_id: (quality as Json).analysis_id });
    const folder = await api(`/api/folders/${realFolderId}/analyses/`);
    expect(folder.body).toHaveLength(1);
    await hook.close();
  });

  it('declines spoof shots sets and virtual-camera evidence', async () => {
    const spoofZip = await shotsSet([
      antispoofFixture('minivision_image_F2.jpg'),
      antispoofFixture('minivision_image_F1.jpg'),
      antispoofFixture('minivision_image_F2.jpg'),
    ]);
    const realZip = await shotsSet([antispoofFixture('minivision_image_T1.jpg')]);
    const { body } = await createFolder(
      {
        spoof: { bytes: spoofZip, name: 'spoof.zip', type: 'application/zip' },
        injected: { bytes: realZip, name: 'real.zip', type: 'application/zip' },
      },
      {
        'media:tags': {
          spoof: ['video_selfie', 'video_selfie_blank'],
          injected: ['video_selfie', 'video_selfie_blank'],
        },
        'media:meta_data': {
          injected: { additional_info: JSON.stringify({ virtual_camera_suspected: true }) },
        },
      },
    );
    const media = body.media as Json[];
    const idOf = (name: string) => (media.find((m) => m.original_name === name) as Json).media_id as string;
    const [spoof, injected] = await launch(body.folder_id as string, [
      { type: 'quality', source_media: [idOf('spoof.zip')] },
      { type: 'quality', source_media: [idOf('real.zip')] },
    ]);
    expect(spoof).toMatchObject({ resolution_status: 'DECLINED' });
    const spoofData = ((spoof as Json).results_media as Json[])[0]?.results_data as Json;
    expect(spoofData.confidence_spoofing).toBeGreaterThanOrEqual(0.5);
    expect(spoofData.frames_with_face).toBe(3);
    expect(injected).toMatchObject({ resolution_status: 'DECLINED' });
    const injectedData = ((injected as Json).results_media as Json[])[0]?.results_data as Json;
    expect(injectedData.confidence_spoofing).toBeLessThan(0.5);
    expect(injectedData.decline_reasons).toEqual(['virtual_camera_suspected']);
    const folder = await api(`/api/folders/${body.folder_id as string}/`);
    expect(folder.body).toMatchObject({ resolution_status: 'FINISHED', system_resolution: 'DECLINED' });
  });

  it('matches the same person and rejects a different one (biometry)', async () => {
    const same = await createFolder(
      { a: jpeg(faceFixture('fr_obama.jpg')), b: jpeg(faceFixture('fr_obama2.jpg')) },
      { 'media:tags': { a: ['photo_selfie'], b: ['photo_id', 'photo_id_front'] } },
    );
    const [match] = await launch(same.body.folder_id as string, [{ type: 'biometry' }]);
    expect(match).toMatchObject({ type: 'BIOMETRY', resolution_status: 'SUCCESS' });
    expect(((match as Json).results_data as Json).min_confidence).toBeGreaterThanOrEqual(0.4);

    const diff = await createFolder(
      { a: jpeg(faceFixture('fr_obama.jpg')), b: jpeg(faceFixture('fr_biden.jpg')) },
      {},
    );
    const [noMatch] = await launch(diff.body.folder_id as string, [{ type: 'biometry' }]);
    expect(noMatch).toMatchObject({ resolution_status: 'DECLINED' });
    expect(((noMatch as Json).results_data as Json).min_confidence).toBeLessThan(0.4);

    const one = await createFolder({ a: jpeg(faceFixture('fr_obama.jpg')) }, {});
    const [failed] = await launch(one.body.folder_id as string, [{ type: 'biometry' }]);
    expect(failed).toMatchObject({
      state: 'FAILED',
      resolution_status: 'FAILED',
      error_message: 'Biometry. Analyse requires at least 2 media objects to process',
    });
  });

  it('finds enrolled persons in a collection (blacklist)', async () => {
    const coll = await api('/api/collections/', {
      method: 'POST',
      body: JSON.stringify({ alias: 'blacklist' }),
    });
    expect(coll.status).toBe(201);
    const collectionId = coll.body.collection_id as string;
    const form = new FormData();
    form.append(
      'photo1',
      new Blob([readFileSync(faceFixture('fr_obama1.jpg'))], { type: 'image/jpeg' }),
      'o.jpg',
    );
    form.append('payload', JSON.stringify({ 'person:meta_data': { reason: 'test' } }));
    const person = await api(`/api/collections/${collectionId}/persons/`, { method: 'POST', body: form });
    expect(person.status).toBe(201);
    const personId = person.body.person_id as string;
    expect((await api(`/api/collections/${collectionId}/persons/${personId}`)).body.photos).toHaveLength(1);

    const suspect = await createFolder({ s: jpeg(faceFixture('fr_obama2.jpg')) }, {});
    const [hit] = await launch(suspect.body.folder_id as string, [
      { type: 'collection', params: { collection_ids: [collectionId] } },
    ]);
    expect(hit).toMatchObject({ type: 'COLLECTION', resolution_status: 'DECLINED' });
    expect(((hit as Json).results_media as Json[])[0]?.collection_persons).toEqual([
      expect.objectContaining({ person_id: personId, collection_id: collectionId }),
    ]);

    const stranger = await createFolder({ s: jpeg(faceFixture('fr_biden.jpg')) }, {});
    const [clean] = await launch(stranger.body.folder_id as string, [
      { type: 'collection', params: { collection_ids: [collectionId] } },
    ]);
    expect(clean).toMatchObject({ resolution_status: 'SUCCESS' });

    // Another company may not search this collection: it reads as unknown.
    const login = await fetch(`${base}/api/authorize/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: { email: OTHER.email, password: OTHER.password } }),
    });
    const otherToken = ((await login.json()) as Json).access_token as string;
    const form2 = new FormData();
    form2.append(
      's',
      new Blob([readFileSync(faceFixture('fr_obama2.jpg'))], { type: 'image/jpeg' }),
      's.jpg',
    );
    form2.append('payload', JSON.stringify({}));
    const theirs = await fetch(`${base}/api/folders/`, {
      method: 'POST',
      headers: { 'X-Forensic-Access-Token': otherToken },
      body: form2,
    });
    const theirFolder = ((await theirs.json()) as Json).folder_id as string;
    const foreign = await fetch(`${base}/api/folders/${theirFolder}/analyses/`, {
      method: 'POST',
      headers: { 'X-Forensic-Access-Token': otherToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        analyses: [{ type: 'collection', params: { collection_ids: [collectionId] } }],
      }),
    });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({
      error_code: 10,
      details: { collection_ids: [collectionId] },
    });

    expect(
      (await api(`/api/collections/${collectionId}/persons/${personId}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await api(`/api/collections/${collectionId}/persons/${personId}`)).status).toBe(404);
  });

  it('answers single-request mode synchronously with finished analyses', async () => {
    const { status, body } = await createFolder(
      { video1: jpeg(antispoofFixture('hyperfas_fake_screen.png')) },
      { 'media:tags': { video1: ['video_selfie', 'video_selfie_oneshot'] }, analyses: [{ type: 'quality' }] },
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({ resolution_status: 'FINISHED', system_resolution: 'DECLINED' });
    expect((body.analyses as Json[])[0]).toMatchObject({ state: 'FINISHED', resolution_status: 'DECLINED' });
  });

  it('answers the Instant API with finished analyses and keeps nothing', async () => {
    const before = ((await api('/api/folders/?limit=1000')).body.items as Json[]).length;
    const form = new FormData();
    const real = await shotsSet([antispoofFixture('minivision_image_T1.jpg')]);
    form.append('real', new Blob([real], { type: 'application/zip' }), 'real.zip');
    form.append(
      'payload',
      JSON.stringify({
        'media:tags': { real: ['video_selfie', 'video_selfie_blank'] },
        analyses: [{ type: 'quality', params: { extract_best_shot: true } }],
      }),
    );
    const { status, body } = await api('/api/instant/folders/', { method: 'POST', body: form });
    expect(status).toBe(201);
    expect(body).toMatchObject({ resolution_status: 'FINISHED', system_resolution: 'SUCCESS' });
    const [quality] = body.analyses as Json[];
    expect(quality).toMatchObject({ type: 'QUALITY', state: 'FINISHED', resolution_status: 'SUCCESS' });
    const entry = ((quality as Json).results_media as Json[])[0] as Json;
    expect((entry.results_data as Json).confidence_spoofing).toBeLessThan(0.5);
    // The best shot travels inline: no URL could outlive the request.
    const shot = (entry.output_images as Json[])[0] as Json;
    expect(shot.original_url).toBeUndefined();
    expect(Buffer.from(shot.image_b64 as string, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // Nothing stored: the temporary ids lead nowhere and the folder list did not grow.
    expect((await api(`/api/folders/${body.folder_id as string}/`)).status).toBe(404);
    expect((await api(`/api/analyses/${(quality as Json).analysis_id as string}`)).status).toBe(404);
    expect(((await api('/api/folders/?limit=1000')).body.items as Json[]).length).toBe(before);

    const hooked = new FormData();
    hooked.append('a', new Blob([real], { type: 'application/zip' }), 'a.zip');
    hooked.append('payload', JSON.stringify({ resolution_endpoint: 'https://example.test/hook' }));
    expect(await api('/api/instant/folders/', { method: 'POST', body: hooked })).toMatchObject({
      status: 400,
      body: { error_code: 4 },
    });
    expect(await api('/api/instant/folders/', { method: 'POST', body: new FormData() })).toMatchObject({
      status: 400,
      body: { error_code: 3 },
    });
    expect((await api('/api/instant/folders/', { method: 'POST', body: form }, false)).status).toBe(401);
  });

  it('reports errors in the Oz error body', async () => {
    const missing = await api('/api/folders/00000000-0000-4000-8000-000000000000/');
    expect(missing).toMatchObject({ status: 404, body: { error_code: 10 } });
    const badPayload = await createFolder(
      { a: jpeg(faceFixture('fr_obama.jpg')) },
      { 'media:tags': { a: 'not-a-list' } },
    );
    expect(badPayload).toMatchObject({ status: 400, body: { error_code: 3 } });
    const notMedia = await createFolder(
      { a: { bytes: new TextEncoder().encode('hello'), name: 'a.txt', type: 'text/plain' } },
      {},
    );
    expect(notMedia).toMatchObject({ status: 400, body: { error_code: 4 } });
    const noFace = await createFolder(
      { a: jpeg(join(FIXTURES_DIR, 'images', 'no_face_empty_room.jpg')) },
      {},
    );
    const [failed] = await launch(noFace.body.folder_id as string, [{ type: 'quality' }]);
    expect(failed).toMatchObject({ state: 'FAILED', error_code: 202 });
    expect((failed as Json).error_message).toMatch(/^Could not locate face on source media \[/);
  });
});
