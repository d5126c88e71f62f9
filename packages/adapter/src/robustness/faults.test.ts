import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOzApiClient, type OzApiClient, type OzFolder, UPLOAD_ID_META } from '../api-client/index.js';
import { listPending } from '../capture/replay.js';
import { PendingReplayer } from '../capture/replayer.js';
import { startSession, startTestAdapter, type TestAdapter, testConfig } from '../testing/app.js';
import { assetsPresent, FACE_IMAGE, REAL_ASSETS } from '../testing/assets.js';
import { buildShotSet, faceFrames, uploadForm } from '../testing/capture.js';
import { type FaultProxy, startFaultProxy } from '../testing/fault-proxy.js';
import { type RealAnalysis, startRealAnalysis } from '../testing/real-analysis.js';

/*
 * Fault injection: the REAL analysis service (real models) behind a fault-injecting proxy, the real
 * adapter and API client in front of it. The API goes down, answers 5xx or garbage, is slower than
 * the per-attempt timeout, or drops the connection mid-upload / mid-answer, before the upload, while
 * it is sent and while the page polls. Every case ends in a retry that succeeds or in a typed error,
 * and no capture is lost: what failed is kept in pending/ and replayed once the API is back.
 */
const present = assetsPresent('fault injection (real models)', REAL_ASSETS);

const TIMEOUT_MS = 1500;
const ATTEMPTS = 3;

describe.skipIf(!present)('fault injection between the adapter and the analysis API', () => {
  let real: RealAnalysis;
  let proxy: FaultProxy;
  let shotSet: Buffer;
  let api: OzApiClient;
  let adapter: TestAdapter;
  let replayer: PendingReplayer;
  let dataDir: string;

  beforeAll(async () => {
    real = await startRealAnalysis();
    proxy = await startFaultProxy(real.service.baseUrl);
    shotSet = await buildShotSet({
      action: 'video_selfie_blank',
      frames: await faceFrames(FACE_IMAGE, 3),
      additionalInfo: JSON.stringify({ virtual_camera_suspected: false }),
    });
  }, 90_000);
  afterAll(async () => {
    await proxy?.close();
    await real?.close();
  });

  beforeEach(async () => {
    proxy.heal();
    await proxy.up();
    proxy.log.length = 0;
    // The adapter's real client, pointed at the proxy, with short waits so a test takes seconds.
    api = createOzApiClient({
      baseUrl: proxy.url,
      auth: { credentials: real.service.credentials },
      timeoutMs: TIMEOUT_MS,
      retry: { maxAttempts: ATTEMPTS, baseDelayMs: 50, maxDelayMs: 200 },
    });
    dataDir = mkdtempSync(join(tmpdir(), 'adapter-faults-'));
    replayer = new PendingReplayer(dataDir, api, pino({ level: 'silent' }));
    adapter = await startTestAdapter(testConfig({}), api, { dataDir, pending: replayer });
    // Log in once, so the faults below hit the capture's calls, not the login.
    expect((await api.getFolder('00000000-0000-4000-8000-000000000000')).ok).toBe(false);
    proxy.log.length = 0;
  });
  afterEach(async () => {
    await replayer.idle();
    await adapter.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Session → upload through the adapter; the answer as the page sees it. */
  async function upload(meta: Record<string, string> = {}) {
    const session = await startSession(adapter.url, { actions: ['video_selfie_blank'], meta });
    expect(session.status).toBe(200);
    const started = performance.now();
    const res = await fetch(`${adapter.url}/api/v1/sessions/${session.json.session}/media`, {
      method: 'POST',
      body: uploadForm([{ field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: shotSet }]),
    });
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown>,
      ms: performance.now() - started,
    };
  }

  async function poll(session: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${adapter.url}/api/v1/sessions/${session}/result`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function pollUntilFinished(session: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 300; i++) {
      const r = await poll(session);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (r.body.state === 'finished') return r.body;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error('analysis did not finish');
  }

  /** The folders the real service holds for a transaction id (read past the proxy). */
  async function foldersOf(transactionId: string): Promise<OzFolder[]> {
    return real.foldersWithMeta('transaction_id', transactionId);
  }

  async function waitFinished(folderId: string): Promise<OzFolder> {
    const r = await real.api.pollFolder(folderId, { intervalMs: 100, timeoutMs: 60_000 });
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  }

  const folderPosts = () =>
    proxy.log.filter((r) => r.method === 'POST' && /^\/api\/folders\/?$/.test(r.path));

  describe('transient faults during the upload are retried and the capture goes through', () => {
    it.each([
      ['answering 500', { kind: 'status', status: 500 }],
      ['answering 502 with an HTML page', { kind: 'status', status: 502 }],
      ['resetting the connection', { kind: 'reset' }],
      ['dropping the connection mid-upload', { kind: 'drop-request', afterBytes: 4096 }],
      ['slower than the per-attempt timeout', { kind: 'slow', delayMs: TIMEOUT_MS + 1500 }],
    ] as const)(
      'the API %s twice',
      async (_label, fault) => {
        const tx = `tx-retry-${fault.kind}-${Date.now()}`;
        proxy.inject({ method: 'POST', path: /^\/api\/folders\/?$/, fault, times: 2 });
        const r = await upload({ transaction_id: tx });
        expect(r.status, JSON.stringify(r.body)).toBe(202);
        expect(folderPosts().map((p) => p.fault)).toEqual([fault.kind, fault.kind, 'pass']);
        const final = await pollUntilFinished(String(r.body.session));
        expect(final.state).toBe('finished');
        // Exactly one folder: no attempt left a second copy of the capture behind.
        expect(await foldersOf(tx)).toHaveLength(1);
        expect(await listPending(dataDir)).toEqual([]);
      },
      60_000,
    );

    it('an answer lost after the API stored the folder is found, not uploaded twice', async () => {
      const tx = `tx-lost-answer-${Date.now()}`;
      proxy.inject({
        method: 'POST',
        path: /^\/api\/folders\/?$/,
        fault: { kind: 'drop-response' },
        times: 1,
      });
      const r = await upload({ transaction_id: tx });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      // One POST reached the API; the retry first looked the folder up by the upload's id.
      expect(folderPosts()).toHaveLength(1);
      expect(proxy.log.some((p) => p.method === 'GET' && p.path.includes(UPLOAD_ID_META))).toBe(true);
      const folders = await foldersOf(tx);
      expect(folders).toHaveLength(1);
      await pollUntilFinished(String(r.body.session));
    }, 60_000);
  });

  describe('persistent faults end in a typed error, and the capture is kept, then replayed', () => {
    it.each([
      ['down (connection refused)', 'down', 503, 'api_unavailable'],
      ['answering 503 on every attempt', { kind: 'status', status: 503 }, 503, 'api_unavailable'],
      ['timing out on every attempt', { kind: 'slow', delayMs: 30_000 }, 503, 'api_unavailable'],
      ['dropping every upload mid-way', { kind: 'drop-request', afterBytes: 4096 }, 503, 'api_unavailable'],
      ['answering 200 with garbage', { kind: 'garbage' }, 502, 'api_bad_response'],
    ] as const)(
      'the API %s',
      async (_label, fault, status, code) => {
        const tx = `tx-kept-${status}-${Date.now()}`;
        if (fault === 'down') await proxy.down();
        else proxy.inject({ method: 'POST', path: /^\/api\/folders\/?$/, fault });
        const r = await upload({ transaction_id: tx });
        expect(r.status, JSON.stringify(r.body)).toBe(status);
        expect(r.body).toMatchObject({ code });
        if (code === 'api_unavailable') {
          // Bounded: every attempt waited at most the timeout, plus the short backoff.
          expect(r.ms).toBeLessThan(ATTEMPTS * TIMEOUT_MS + 3000);
          if (fault !== 'down') expect(folderPosts()).toHaveLength(ATTEMPTS);
        }
        // Kept, with the upload's files.
        const kept = await listPending(dataDir);
        expect(kept).toHaveLength(1);
        const dir = join(dataDir, 'pending', kept[0] as string);
        expect(readdirSync(dir).sort()).toEqual(['payload.json', 'video1.zip']);
        expect(readFileSync(join(dir, 'video1.zip')).equals(shotSet)).toBe(true);
        expect(await foldersOf(tx)).toHaveLength(0);

        // The API is back: the next capture's success replays what was kept, by itself.
        await proxy.up();
        proxy.heal();
        const next = await upload({ transaction_id: `${tx}-next` });
        expect(next.status, JSON.stringify(next.body)).toBe(202);
        await replayer.idle();
        expect(await listPending(dataDir)).toEqual([]);
        const folders = await foldersOf(tx);
        expect(folders).toHaveLength(1);
        const done = await waitFinished((folders[0] as OzFolder).folder_id);
        expect(done.analyses?.map((a) => [a.type, a.state])).toEqual([['QUALITY', 'FINISHED']]);
        // The kept shot set itself (the other media are the analysis' output images).
        expect((done.media ?? []).filter((m) => m.tags?.includes('video_selfie_blank'))).toHaveLength(1);
      },
      90_000,
    );

    it('launching the analyses fails after the folder exists: the replay launches them on that folder', async () => {
      const tx = `tx-launch-${Date.now()}`;
      proxy.inject({ method: 'POST', path: /\/analyses\/?$/, fault: { kind: 'status', status: 500 } });
      const r = await upload({ transaction_id: tx });
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ code: 'api_unavailable' });
      const [folder] = await foldersOf(tx);
      expect(folder?.analyses ?? []).toHaveLength(0);
      const kept = await listPending(dataDir);
      const record = JSON.parse(
        readFileSync(join(dataDir, 'pending', kept[0] as string, 'payload.json'), 'utf8'),
      );
      expect(record.folder_id).toBe(folder?.folder_id);

      proxy.heal();
      const report = await replayer.trigger();
      expect(report?.replayed).toEqual([{ id: kept[0], folderId: folder?.folder_id, resumed: true }]);
      // Still one folder, now with its analysis, finished.
      expect(await foldersOf(tx)).toHaveLength(1);
      const done = await waitFinished(folder?.folder_id as string);
      expect(done.analyses?.map((a) => a.state)).toEqual(['FINISHED']);
      // Replaying again does nothing: the kept upload is gone.
      expect(await replayer.trigger()).toMatchObject({ replayed: [], setAside: [], remaining: 0 });
    }, 90_000);

    it('a replay while the API is still down keeps everything and says why', async () => {
      await proxy.down();
      expect((await upload({ transaction_id: `tx-still-down-${Date.now()}` })).status).toBe(503);
      const report = await replayer.trigger();
      expect(report).toMatchObject({ replayed: [], remaining: 1, stoppedBy: { code: 'api_unavailable' } });
      expect(await listPending(dataDir)).toHaveLength(1);
    }, 60_000);
  });

  describe('faults while the page polls (mid-session)', () => {
    it('the API fails after the upload: polls answer a typed 503, then the result arrives', async () => {
      const r = await upload({ transaction_id: `tx-poll-${Date.now()}` });
      expect(r.status).toBe(202);
      const session = String(r.body.session);
      proxy.inject({
        method: 'GET',
        path: /^\/api\/folders\/[^/?]+\/?$/,
        fault: { kind: 'status', status: 503 },
      });
      const during = await poll(session);
      expect(during.status).toBe(503);
      expect(during.body).toMatchObject({ code: 'api_unavailable' });
      await proxy.down();
      expect((await poll(session)).body).toMatchObject({ code: 'api_unavailable' });
      await proxy.up();
      proxy.heal();
      // The same session token still works: nothing about the session was lost.
      expect((await pollUntilFinished(session)).state).toBe('finished');
    }, 60_000);

    it.each([
      ['a dropped answer', { kind: 'drop-response' }],
      ['a 500 once', { kind: 'status', status: 500 }],
      ['a timeout', { kind: 'slow', delayMs: TIMEOUT_MS + 1500 }],
    ] as const)(
      'a poll that meets %s is retried inside the same request',
      async (_label, fault) => {
        const r = await upload({ transaction_id: `tx-poll-retry-${Date.now()}` });
        expect(r.status).toBe(202);
        proxy.inject({ method: 'GET', path: /^\/api\/folders\/[^/?]+\/?$/, fault, times: 1 });
        const first = await poll(String(r.body.session));
        expect(first.status, JSON.stringify(first.body)).toBe(200);
        expect(
          proxy.log
            .filter((p) => p.method === 'GET')
            .map((p) => p.fault)
            .slice(0, 2),
        ).toEqual([fault.kind, 'pass']);
        await pollUntilFinished(String(r.body.session));
      },
      60_000,
    );

    it('an unreadable folder answer is a typed 502, not a crash', async () => {
      const r = await upload({ transaction_id: `tx-poll-garbage-${Date.now()}` });
      proxy.inject({
        method: 'GET',
        path: /^\/api\/folders\/[^/?]+\/?$/,
        fault: { kind: 'garbage' },
        times: 1,
      });
      const bad = await poll(String(r.body.session));
      expect(bad.status).toBe(502);
      expect(bad.body).toMatchObject({ code: 'api_bad_response' });
      expect((await pollUntilFinished(String(r.body.session))).state).toBe('finished');
    }, 60_000);
  });
});
