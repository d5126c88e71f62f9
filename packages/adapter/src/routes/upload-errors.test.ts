import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOzApiClient, type OzApiClient } from '../api-client/index.js';
import { startSession, startTestAdapter, type TestAdapter, testConfig } from '../testing/app.js';
import { buildShotSet, type UploadPart, uploadForm } from '../testing/capture.js';

/** Upload rules enforced through the route, and the API-down path. No models needed. */

const unusedApi: OzApiClient = new Proxy({} as OzApiClient, {
  get: () => () => {
    throw new Error('the API must not be called for a rejected upload');
  },
});

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function upload(
  adapter: TestAdapter,
  parts: UploadPart[],
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const session = await startSession(adapter.url, { actions: ['video_selfie_blank'] });
  const res = await fetch(`${adapter.url}/api/v1/sessions/${session.json.session}/media`, {
    method: 'POST',
    body: uploadForm(parts),
    ...init,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('upload rules through the route', () => {
  let adapter: TestAdapter;
  let frame: Buffer;
  const video = (data: Buffer, type?: string): UploadPart => ({
    field: 'video1',
    action: 'video_selfie_blank',
    kind: 'shots_set',
    data,
    ...(type ? { type } : {}),
  });

  beforeAll(async () => {
    frame = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    adapter = await startTestAdapter(testConfig({ limits: { shots_zip_bytes: '256kb' } }), unusedApi);
  });
  afterAll(() => adapter.close());

  it.each([
    [
      'zip bomb',
      async () =>
        buildShotSet({
          action: 'video_selfie_blank',
          frames: [frame],
          extra: { 'pad.bin': Buffer.alloc(2 * 1024 * 1024) },
          compression: 'DEFLATE',
        }),
      413,
      'upload_zip_bomb',
    ],
    [
      'traversal entry name',
      async () =>
        buildShotSet({ action: 'video_selfie_blank', frames: [frame], extra: { '../../etc/x.jpg': frame } }),
      400,
      'upload_bad_entry_name',
    ],
    [
      'oversize shot set',
      async () =>
        buildShotSet({
          action: 'video_selfie_blank',
          frames: [frame],
          extra: { 'big.jpg': Buffer.alloc(300 * 1024, 1) },
        }),
      413,
      'upload_too_large',
    ],
    ['wrong type (a PNG frame, not a ZIP)', async () => sharp(frame).png().toBuffer(), 422, 'upload_bad_zip'],
    [
      'frame that is not a JPEG',
      async () => buildShotSet({ action: 'video_selfie_blank', frames: [Buffer.from('GIF89a not really')] }),
      415,
      'upload_unsupported_type',
    ],
    [
      'action of another session',
      async () => buildShotSet({ action: 'video_selfie_smile', frames: [frame] }),
      422,
      'upload_bad_manifest',
    ],
  ])('%s, and the server stays healthy', async (_name, make, status, code) => {
    const res = await upload(adapter, [video(await make())]);
    expect(res).toMatchObject({ status, body: { code } });
    expect((await fetch(`${adapter.url}/healthz`)).status).toBe(200);
  });

  it('refuses a non-multipart body, a missing manifest and a stray field', async () => {
    const session = await startSession(adapter.url);
    const base = `${adapter.url}/api/v1/sessions/${session.json.session}/media`;
    const json = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await json.json()).toMatchObject({ code: 'upload_unsupported_type' });
    const noManifest = new FormData();
    noManifest.append('video1', new Blob([frame]), 'x');
    expect(await (await fetch(base, { method: 'POST', body: noManifest })).json()).toMatchObject({
      code: 'upload_missing_field',
    });
    const stray = uploadForm([video(await buildShotSet({ action: 'video_selfie_blank', frames: [frame] }))]);
    stray.append('../evil', 'x');
    expect(await (await fetch(base, { method: 'POST', body: stray })).json()).toMatchObject({
      code: 'upload_unexpected_field',
    });
    const metrics = await (await fetch(`${adapter.url}/metrics`)).text();
    expect(metrics).toMatch(/liveness_uploads_total\{outcome="rejected",code="upload_zip_bomb"\} 1/);
  });
});

describe('analysis API down', () => {
  it('answers 503 api_unavailable and keeps the validated upload in pending/', async () => {
    const api = createOzApiClient({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      auth: { token: 'x' },
      sleep: async () => {},
      timeoutMs: 2000,
    });
    const adapter = await startTestAdapter(
      testConfig({ analysis: { embedded: false }, api_url: 'http://127.0.0.1:9', api_token: 'x' }),
      api,
    );
    try {
      const frame = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
        .jpeg()
        .toBuffer();
      const zip = await buildShotSet({
        action: 'video_selfie_blank',
        frames: [frame, frame],
        additionalInfo: '{"a":1}',
      });
      const res = await upload(adapter, [
        { field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: zip },
      ]);
      expect(res).toMatchObject({ status: 503, body: { code: 'api_unavailable' } });
      const sessionDir = join(adapter.dataDir, 'pending', '0f4c1c1e-5a39-4d5e-9a8c-2b2f6d1b7e11');
      expect(existsSync(sessionDir)).toBe(true);
      const [attempt] = readdirSync(sessionDir);
      const dir = join(sessionDir, attempt as string);
      expect(readdirSync(dir).sort()).toEqual(['payload.json', 'video1.zip']);
      expect(readFileSync(join(dir, 'video1.zip')).equals(zip)).toBe(true);
      const record = JSON.parse(readFileSync(join(dir, 'payload.json'), 'utf8')) as Record<string, unknown>;
      expect(record.payload).toEqual({
        // The upload's own id, by which a replay finds a folder an earlier attempt stored.
        'folder:meta_data': { adapter_upload_id: expect.stringMatching(/\S{16,}/) },
        'media:tags': { video1: ['video_selfie', 'video_selfie_blank', 'orientation_portrait'] },
        'media:meta_data': { video1: { additional_info: '{"a":1}' } },
      });
      expect((await fetch(`${adapter.url}/healthz`)).status).toBe(200);
    } finally {
      await adapter.close();
    }
  });
});

describe('capture architecture', () => {
  it('still opens sessions but answers uploads with 409 capture_architecture', async () => {
    const adapter = await startTestAdapter(testConfig({ architecture: 'capture' }), undefined);
    try {
      const session = await startSession(adapter.url);
      expect(session).toMatchObject({ status: 200, json: { architecture: 'capture' } });
      const res = await fetch(`${adapter.url}/api/v1/sessions/${session.json.session}/media`, {
        method: 'POST',
        body: uploadForm([]),
      });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: 'capture_architecture' });
    } finally {
      await adapter.close();
    }
  });
});

describe('random challenge', () => {
  it('runs the drawn actions and refuses an upload that is not exactly them, in order', async () => {
    const frame = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    const adapter = await startTestAdapter(
      testConfig({
        actions_default_importance: true,
        actions_default: { video_count: 2, random: true },
        video_actions_list: ['video_selfie_blank', 'video_selfie_smile', 'video_selfie_left'],
      }),
      unusedApi,
    );
    try {
      const session = await startSession(adapter.url, { actions: ['video_selfie_blank'] });
      const drawn = session.json.actions as string[];
      // The page asked for blank; the adapter decides, and draws both gestures (one a head movement).
      expect(new Set(drawn)).toEqual(new Set(['video_selfie_smile', 'video_selfie_left']));
      const part = async (action: string, i: number): Promise<UploadPart> => ({
        field: `video${i + 1}`,
        action,
        kind: 'shots_set',
        data: await buildShotSet({ action, frames: [frame] }),
      });
      for (const actions of [[...drawn].reverse(), [drawn[0] as string]]) {
        const res = await fetch(`${adapter.url}/api/v1/sessions/${session.json.session}/media`, {
          method: 'POST',
          body: uploadForm(await Promise.all(actions.map(part))),
        });
        expect(res.status).toBe(422);
        expect(await res.json()).toMatchObject({ code: 'upload_challenge_mismatch' });
      }
    } finally {
      await adapter.close();
    }
  });
});
