import { describe, expect, it } from 'vitest';
import { formOf, json, jwt, type Recorded, startApi } from '../testing/recording-api.js';
import { createOzApiClient, type OzApiClientOptions } from './client.js';
import type { MediaUpload } from './payload.js';

const sleeps: number[] = [];
function client(url: string, extra: Partial<OzApiClientOptions> = {}) {
  sleeps.length = 0;
  return createOzApiClient({
    baseUrl: url,
    auth: { token: 'cfg-token' },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
    timeoutMs: 2000,
    ...extra,
  });
}

const FOLDER = { folder_id: 'f-1', resolution_status: 'INITIAL', media: [], analyses: [] };

const capture: MediaUpload[] = [
  {
    action: 'video_selfie_blank',
    data: new Uint8Array([0x50, 0x4b, 1]),
    mimeType: 'application/zip',
    additionalInfo: 'env-1',
  },
  {
    action: 'video_selfie_best',
    data: new Uint8Array([0x50, 0x4b, 2]),
    mimeType: 'application/zip',
    orientation: 'landscape',
  },
  { action: 'photo_id_front', data: new Uint8Array([0xff, 0xd8, 0xff]), mimeType: 'image/jpeg' },
];

// --- Tests ----------------------------------------------------------------------------------------

describe('createFolder', () => {
  it('sends one part per media, then payload, with the token header', async () => {
    const api = await startApi(() => ({ status: 201, body: FOLDER }));
    const r = await client(api.url).createFolder({ media: capture, folderMeta: { transaction_id: 't-42' } });
    expect(r.ok && r.value.folder_id).toBe('f-1');

    expect(api.requests).toHaveLength(1);
    const req = api.requests[0] as Recorded;
    expect([req.method, req.url]).toEqual(['POST', '/api/folders/']);
    expect(req.headers['x-forensic-access-token']).toBe('cfg-token');
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);

    const form = await formOf(req);
    expect([...form.keys()]).toEqual(['video1', 'video2', 'photo1', 'payload']);
    const video1 = form.get('video1') as File;
    expect([video1.name, video1.type, video1.size]).toEqual(['video1.zip', 'application/zip', 3]);
    expect((form.get('photo1') as File).name).toBe('photo1.jpg');
    expect(JSON.parse(form.get('payload') as string)).toEqual({
      'media:tags': {
        video1: ['video_selfie', 'video_selfie_blank', 'orientation_portrait'],
        video2: ['video_selfie', 'video_selfie_oneshot', 'orientation_landscape'],
        photo1: ['photo_id', 'photo_id_front'],
      },
      'folder:meta_data': { transaction_id: 't-42' },
      'media:meta_data': { video1: { additional_info: 'env-1' } },
    });
  });

  it('uses the Instant API path in lite mode and carries single-request analyses', async () => {
    const api = await startApi(() => ({ status: 201, body: FOLDER }));
    await client(api.url).createFolder(
      { media: capture.slice(0, 1), analyses: [{ type: 'quality', params: { extract_best_shot: true } }] },
      { instant: true },
    );
    const req = api.requests[0] as Recorded;
    expect(req.url).toBe('/api/instant/folders/');
    expect(JSON.parse((await formOf(req)).get('payload') as string).analyses).toEqual([
      { type: 'quality', params: { extract_best_shot: true } },
    ]);
  });

  it('keeps a path prefix of api_url', async () => {
    const api = await startApi(() => ({ status: 201, body: FOLDER }));
    await client(`${api.url}/oz/`).getFolder('f-1');
    expect(api.requests[0]?.url).toBe('/oz/api/folders/f-1/');
  });

  it('refuses media it cannot tag without calling the API', async () => {
    const api = await startApi(() => ({ status: 201, body: FOLDER }));
    const bad = { ...capture[0], action: 'dance' } as MediaUpload;
    const r = await client(api.url).createFolder({ media: [bad] });
    expect(!r.ok && r.error.code).toBe('api_invalid_media');
    expect(api.requests).toHaveLength(0);
  });

  it('reports an unreadable answer as api_bad_response', async () => {
    const api = await startApi(() => ({ status: 201, body: { nope: true } }));
    const r = await client(api.url).createFolder({ media: capture });
    expect(!r.ok && r.error.code).toBe('api_bad_response');
  });
});

describe('authentication', () => {
  it('logs in with credentials and uses the access token', async () => {
    const api = await startApi((req) =>
      req.url === '/api/authorize/auth'
        ? { status: 200, body: { access_token: 'A1', expire_token: 'E1' } }
        : { status: 200, body: FOLDER },
    );
    const c = client(api.url, { auth: { credentials: { email: 'svc@example.com', password: 'pw' } } });
    expect((await c.getFolder('f-1')).ok).toBe(true);
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/authorize/auth',
      'GET /api/folders/f-1/',
    ]);
    expect(json(api.requests[0] as Recorded)).toEqual({
      credentials: { email: 'svc@example.com', password: 'pw' },
    });
    expect(api.requests[0]?.headers['content-type']).toBe('application/json');
    expect(api.requests[1]?.headers['x-forensic-access-token']).toBe('A1');
  });

  it('renews after a 401 and repeats the request once', async () => {
    let logins = 0;
    const api = await startApi((req) => {
      if (req.url === '/api/authorize/auth') {
        logins += 1;
        return { status: 200, body: { access_token: `A${logins}`, expire_token: `E${logins}` } };
      }
      if (req.url === '/api/authorize/refresh/')
        return { status: 401, body: { error_code: 7, error_message: 'Session not found' } };
      return req.headers['x-forensic-access-token'] === 'A1'
        ? { status: 401, body: { error_code: 8, error_message: 'AUTH EXPIRED' } }
        : { status: 200, body: FOLDER };
    });
    const c = client(api.url, { auth: { credentials: { email: 'a@b.c', password: 'pw' } } });
    const r = await c.getFolder('f-1');
    expect(r.ok).toBe(true);
    expect(api.requests.map((q) => [q.url, q.headers['x-forensic-access-token'] ?? null])).toEqual([
      ['/api/authorize/auth', null],
      ['/api/folders/f-1/', 'A1'],
      ['/api/authorize/refresh/', 'A1'],
      ['/api/authorize/auth', null],
      ['/api/folders/f-1/', 'A2'],
    ]);
    expect(json(api.requests[2] as Recorded)).toEqual({ expire_token: 'E1' });
  });

  it('refreshes a JWT about to expire with its expire_token before sending', async () => {
    let clock = 0;
    const api = await startApi((req) => {
      if (req.url === '/api/authorize/auth')
        return { status: 200, body: { access_token: jwt(100), expire_token: 'E1' } };
      if (req.url === '/api/authorize/refresh/')
        return { status: 200, body: { access_token: 'A2', expire_token: 'E2' } };
      return { status: 200, body: FOLDER };
    });
    const c = client(api.url, {
      auth: { credentials: { email: 'a@b.c', password: 'pw' } },
      now: () => clock,
    });
    await c.getFolder('f-1');
    clock = 80_000; // 20 s before exp: inside the renewal margin
    await c.getFolder('f-1');
    expect(api.requests.map((q) => q.url)).toEqual([
      '/api/authorize/auth',
      '/api/folders/f-1/',
      '/api/authorize/refresh/',
      '/api/folders/f-1/',
    ]);
    expect(api.requests[2]?.headers['x-forensic-access-token']).toBe(jwt(100));
    expect(json(api.requests[2] as Recorded)).toEqual({ expire_token: 'E1' });
    expect(api.requests[3]?.headers['x-forensic-access-token']).toBe('A2');
  });

  it('shares one renewal between concurrent requests', async () => {
    let logins = 0;
    const api = await startApi((req) => {
      if (req.url === '/api/authorize/auth') {
        logins += 1;
        return { status: 200, body: { access_token: `A${logins}` }, delayMs: 20 };
      }
      return req.headers['x-forensic-access-token'] === 'cfg-token'
        ? { status: 401 }
        : { status: 200, body: FOLDER };
    });
    const c = client(api.url, {
      auth: { token: 'cfg-token', credentials: { email: 'a@b.c', password: 'pw' } },
    });
    const results = await Promise.all([c.getFolder('a'), c.getFolder('b'), c.getFolder('c')]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(logins).toBe(1);
  });

  it('fails with api_auth_failed when a bare api_token is refused', async () => {
    const api = await startApi(() => ({
      status: 401,
      body: { error_code: 7, error_message: 'AUTH INVALID' },
    }));
    const r = await client(api.url).getFolder('f-1');
    expect(!r.ok && r.error).toMatchObject({ code: 'api_auth_failed', status: 401, ozErrorCode: 7 });
    expect(api.requests).toHaveLength(1);
  });

  it('reports refused credentials at login', async () => {
    const api = await startApi(() => ({ status: 403, body: { error_code: 9 } }));
    const c = client(api.url, { auth: { credentials: { email: 'a@b.c', password: 'bad' } } });
    const r = await c.getFolder('f-1');
    expect(!r.ok && r.error).toMatchObject({ code: 'api_auth_failed', status: 403 });
  });

  it('passes a client-supplied token through untouched and never renews it', async () => {
    const api = await startApi(() => ({ status: 401 }));
    const c = client(api.url, { auth: { credentials: { email: 'a@b.c', password: 'pw' } } });
    const r = await c.getFolder('f-1', { token: 'page-token' });
    expect(!r.ok && r.error.code).toBe('api_auth_failed');
    expect(api.requests.map((q) => [q.url, q.headers['x-forensic-access-token']])).toEqual([
      ['/api/folders/f-1/', 'page-token'],
    ]);
  });

  it('returns api_no_token when neither side has a token', async () => {
    const api = await startApi(() => ({ status: 200, body: FOLDER }));
    const c = createOzApiClient({ baseUrl: api.url });
    const r = await c.getFolder('f-1');
    expect(!r.ok && r.error.code).toBe('api_no_token');
    expect(api.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  it('backs off on 503 and succeeds', async () => {
    const api = await startApi((_req, i) => (i < 2 ? { status: 503 } : { status: 201, body: FOLDER }));
    const r = await client(api.url).createFolder({ media: capture });
    expect(r.ok).toBe(true);
    expect(api.requests).toHaveLength(3);
    // Exponential with equal jitter at random() = 0.5: 100 → 75, 200 → 150.
    expect(sleeps).toEqual([75, 150]);
    // The retried multipart body is complete each time.
    const forms = await Promise.all(api.requests.map(formOf));
    expect(forms.map((f) => [...f.keys()])).toEqual(Array(3).fill(['video1', 'video2', 'photo1', 'payload']));
  });

  it('gives up with api_unavailable after the attempt budget', async () => {
    const api = await startApi(() => ({ status: 502 }));
    const r = await client(api.url).getFolder('f-1');
    expect(!r.ok && r.error).toMatchObject({ code: 'api_unavailable', status: 502, attempts: 4 });
    expect(api.requests).toHaveLength(4);
    expect(sleeps).toEqual([75, 150, 300]);
  });

  it('retries network errors and timeouts', async () => {
    const closed = await startApi(() => ({ status: 200 }));
    await closed.close();
    const down = await client(closed.url).getFolder('f-1');
    expect(!down.ok && down.error.code).toBe('api_unavailable');
    expect(!down.ok && down.error.cause).toMatch(/ECONNREFUSED|fetch failed/);

    const slow = await startApi((_req, i) =>
      i === 0 ? { status: 200, body: FOLDER, delayMs: 300 } : { status: 200, body: FOLDER },
    );
    const r = await client(slow.url, { timeoutMs: 60 }).getFolder('f-1');
    expect(r.ok).toBe(true);
    expect(slow.requests).toHaveLength(2);
  });

  it('honours Retry-After, capped', async () => {
    const api = await startApi((_req, i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '30' } } : { status: 200, body: FOLDER },
    );
    await client(api.url).getFolder('f-1');
    expect(sleeps).toEqual([1000]);
  });

  it('does not retry other 4xx answers', async () => {
    const api = await startApi(() => ({
      status: 400,
      body: { error_code: 3, error_message: 'INVALID STRUCTURE' },
    }));
    const r = await client(api.url).createFolder({ media: capture });
    expect(!r.ok && r.error).toMatchObject({
      code: 'api_rejected',
      status: 400,
      ozErrorCode: 3,
      ozMessage: 'INVALID STRUCTURE',
    });
    expect(api.requests).toHaveLength(1);
    const missing = await startApi(() => ({ status: 404 }));
    const m = await client(missing.url).getFolder('nope');
    expect(!m.ok && m.error.code).toBe('api_not_found');
  });
});

describe('analyses and polling', () => {
  it('launches analyses with the exact JSON body', async () => {
    const api = await startApi(() => ({
      status: 201,
      body: [{ analysis_id: 'a-1', type: 'QUALITY', state: 'PROCESSING' }],
    }));
    const r = await client(api.url).launchAnalyses('f 1', [
      { type: 'quality', params: { extract_best_shot: true } },
      { type: 'collection', params: { collection_ids: ['c1'] } },
    ]);
    expect(r.ok && r.value.map((a) => a.analysis_id)).toEqual(['a-1']);
    const req = api.requests[0] as Recorded;
    expect([req.method, req.url, req.headers['content-type']]).toEqual([
      'POST',
      '/api/folders/f%201/analyses/',
      'application/json',
    ]);
    expect(json(req)).toEqual({
      analyses: [
        { type: 'quality', params: { extract_best_shot: true } },
        { type: 'collection', params: { collection_ids: ['c1'] } },
      ],
    });
  });

  it('polls at the configured interval until the folder is finished', async () => {
    const processing = {
      ...FOLDER,
      resolution_status: 'PROCESSING',
      analyses: [{ type: 'QUALITY', state: 'PROCESSING' }],
    };
    const finished = {
      ...FOLDER,
      resolution_status: 'FINISHED',
      analyses: [{ type: 'QUALITY', state: 'FINISHED', resolution_status: 'SUCCESS' }],
    };
    const api = await startApi((_req, i) => ({ status: 200, body: i < 2 ? processing : finished }));
    const seen: string[] = [];
    const r = await client(api.url).pollFolder('f-1', {
      intervalMs: 1000,
      timeoutMs: 60_000,
      onUpdate: (f) => {
        seen.push(String(f.resolution_status));
      },
    });
    expect(r.ok && r.value.resolution_status).toBe('FINISHED');
    expect(seen).toEqual(['PROCESSING', 'PROCESSING', 'FINISHED']);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('stops with api_poll_timeout at the deadline', async () => {
    const api = await startApi(() => ({ status: 200, body: { ...FOLDER, resolution_status: 'PROCESSING' } }));
    let clock = 0;
    const c = client(api.url, {
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    const r = await c.pollFolder('f-1', { intervalMs: 1000, timeoutMs: 3500 });
    expect(!r.ok && r.error.code).toBe('api_poll_timeout');
    expect(api.requests).toHaveLength(4);
  });

  it('gets a session token for sealed containers and uploads the container as octet-stream', async () => {
    const api = await startApi((req) =>
      req.url === '/api/authorize/session_token'
        ? { status: 200, body: { session_token: 'eyJh.x.y' } }
        : { status: 201, body: FOLDER },
    );
    const c = client(api.url);
    const t = await c.getSessionToken();
    expect(t.ok && t.value).toBe('eyJh.x.y');
    await c.uploadContainer(new Uint8Array([1, 2, 3]));
    const up = api.requests[1] as Recorded;
    expect([up.url, up.headers['content-type'], [...up.body]]).toEqual([
      '/api/folders',
      'application/octet-stream',
      [1, 2, 3],
    ]);
  });
});

describe('findFolderByMeta', () => {
  it('asks for the newest folder with that metadata, analyses included; none is null', async () => {
    let items: unknown[] = [{ ...FOLDER, meta_data: { transaction_id: 't-7' } }];
    const api = await startApi(() => ({ status: 200, body: { items, offset: 0, limit: 1 } }));
    const c = client(api.url, { now: () => 1_700_000_000_000 });
    const found = await c.findFolderByMeta('transaction_id', 't-7');
    expect(found.ok && found.value?.folder_id).toBe('f-1');
    const url = new URL((api.requests[0] as Recorded).url, 'http://x');
    expect(url.pathname).toBe('/api/folders/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      meta_data: 'transaction_id==t-7',
      with_analyses: 'true',
      'time_created.min': String(1_700_000_000 - 3600),
      sorting: 'time_created{desc}',
      limit: '1',
    });
    items = [];
    const none = await c.findFolderByMeta('transaction_id', 't-8');
    expect(none).toEqual({ ok: true, value: null });
  });
});
