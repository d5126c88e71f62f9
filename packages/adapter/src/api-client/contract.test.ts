import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetsPresent, FACE_IMAGE, REAL_ASSETS } from '../testing/assets.js';
import { buildShotSet, faceJpeg } from '../testing/capture.js';
import { type RealAnalysis, startRealAnalysis } from '../testing/real-analysis.js';
import { DEFAULT_UPLOAD_LIMITS, parseMultipart } from '../uploads/index.js';
import { buildAnalyses } from './analyses.js';
import { createOzApiClient, type OzApiClient } from './client.js';
import type { MediaUpload } from './payload.js';

/*
 * Contract of the adapter's Oz API calls against the REAL embedded service: a recording proxy in
 * between keeps the exact requests (headers, multipart fields, JSON), and the service's own answers
 * show it understood them (tags, media metadata, analyses).
 */
interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

async function recordingProxy(target: string): Promise<{ url: string; calls: Recorded[]; server: Server }> {
  const calls: Recorded[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        (e): e is [string, string] =>
          typeof e[1] === 'string' && e[0] !== 'host' && e[0] !== 'content-length',
      ),
    );
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body.length ? { body } : {}),
    });
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, server };
}

const present = assetsPresent('adapter ↔ analysis contract (real models)', REAL_ASSETS);

describe.skipIf(!present)('Oz API contract against the embedded analysis service', () => {
  let real: RealAnalysis;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let client: OzApiClient;
  let face: Buffer;

  beforeAll(async () => {
    real = await startRealAnalysis();
    proxy = await recordingProxy(real.service.baseUrl);
    client = createOzApiClient({ baseUrl: proxy.url, auth: { credentials: real.service.credentials } });
    face = await faceJpeg(FACE_IMAGE);
  }, 60_000);

  afterAll(async () => {
    proxy?.server.close();
    proxy?.server.closeAllConnections();
    await real?.close();
  });

  it('logs in, creates the folder with the exact multipart shape, launches and reads analyses', async () => {
    const zip = await buildShotSet({
      action: 'video_selfie_best',
      frames: [face],
      orientation: 'landscape',
    });
    const media: MediaUpload[] = [
      {
        action: 'video_selfie_best',
        data: zip,
        mimeType: 'application/zip',
        orientation: 'landscape',
        additionalInfo: '{"virtual_camera_suspected":false}',
      },
      { action: 'photo_id_front', data: face, mimeType: 'image/jpeg' },
    ];
    const created = await client.createFolder({ media, folderMeta: { transaction_id: 'tx-contract' } });
    if (!created.ok) throw new Error(JSON.stringify(created.error));

    const [auth, post] = proxy.calls;
    expect(auth).toMatchObject({ method: 'POST', url: '/api/authorize/auth' });
    expect(JSON.parse(auth?.body.toString() ?? '')).toEqual({
      credentials: { email: real.service.credentials.email, password: real.service.credentials.password },
    });
    expect(post).toMatchObject({ method: 'POST', url: '/api/folders/' });
    expect(post?.headers['x-forensic-access-token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(post?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parseMultipart(
      Object.assign(Readable.from([post?.body ?? Buffer.alloc(0)]), { headers: post?.headers ?? {} }),
      DEFAULT_UPLOAD_LIMITS,
    );
    if (!form.ok) throw new Error(form.error.detail);
    expect(Object.keys(form.value.fields)).toEqual(['payload']);
    expect(form.value.files.map((f) => [f.field, f.declaredType, f.data.length])).toEqual([
      ['video1', 'application/zip', zip.length],
      ['photo1', 'image/jpeg', face.length],
    ]);
    expect(JSON.parse(form.value.fields.payload ?? '')).toEqual({
      'media:tags': {
        video1: ['video_selfie', 'video_selfie_oneshot', 'orientation_landscape'],
        photo1: ['photo_id', 'photo_id_front'],
      },
      'folder:meta_data': { transaction_id: 'tx-contract' },
      'media:meta_data': { video1: { additional_info: '{"virtual_camera_suspected":false}' } },
    });

    // The service understood it: tags per media and additional_info in the media's metadata.
    const folder = created.value;
    const stored = (folder.media ?? []) as { tags?: string[]; meta_data?: Record<string, unknown> }[];
    expect(stored.map((m) => m.tags)).toEqual(
      expect.arrayContaining([
        ['video_selfie', 'video_selfie_oneshot', 'orientation_landscape'],
        ['photo_id', 'photo_id_front'],
      ]),
    );
    expect(stored.some((m) => m.meta_data?.additional_info === '{"virtual_camera_suspected":false}')).toBe(
      true,
    );
    expect(folder.meta_data).toMatchObject({ transaction_id: 'tx-contract' });

    const analyses = buildAnalyses(
      { quality: true, biometry: true, documents: false, collection_ids: [] },
      media,
      { extractBestShot: false, extractActionShot: false },
    );
    const launched = await client.launchAnalyses(folder.folder_id, analyses);
    if (!launched.ok) throw new Error(JSON.stringify(launched.error));
    const launch = proxy.calls.at(-1);
    expect(launch).toMatchObject({ method: 'POST', url: `/api/folders/${folder.folder_id}/analyses/` });
    expect(launch?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(launch?.body.toString() ?? '')).toEqual({
      analyses: [{ type: 'quality', params: { extract_best_shot: false } }, { type: 'biometry' }],
    });

    const done = await client.pollFolder(folder.folder_id, { intervalMs: 100, timeoutMs: 30_000 });
    if (!done.ok) throw new Error(JSON.stringify(done.error));
    const verdicts = (done.value.analyses ?? []).map((a) => [a.type, a.resolution_status]).sort();
    expect(verdicts).toEqual([
      ['BIOMETRY', 'SUCCESS'],
      ['QUALITY', 'SUCCESS'],
    ]);
    expect(proxy.calls.at(-1)).toMatchObject({ method: 'GET', url: `/api/folders/${folder.folder_id}/` });
  }, 60_000);
});
