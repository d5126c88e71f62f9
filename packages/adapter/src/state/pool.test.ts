import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresUnavailable } from '@open-liveness/analysis/testing/postgres';
import { generateContainerKeyPair } from '@open-liveness/trust';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPaths } from '../paths.js';
import { startAdapter } from '../runtime/start.js';
import { startSession, TEST_SECRET, testConfig } from '../testing/app.js';
import { assetsPresent, FACE_IMAGE, REAL_ASSETS } from '../testing/assets.js';
import { buildShotSet, faceFrames, uploadForm } from '../testing/capture.js';
import { postContainer, sealClips } from '../testing/container.js';
import {
  POOL_API_CREDENTIALS,
  type PoolBackends,
  startPoolBackends,
  startWorkerProcess,
  type WorkerProcess,
} from '../testing/pool.js';
import { redisUnavailable } from '../testing/redis-server.js';

/*
 * A pool on one machine, every engine real: PostgreSQL and redis-server started here on free ports,
 * one analysis API instance that only queues (pg-boss), two analysis worker PROCESSES, and two
 * adapters sharing their state in Redis. Requests of one session hop between the adapters.
 */
const missing = redisUnavailable() ?? postgresUnavailable();
if (missing && process.env.CI === 'true') throw new Error(`pool test: ${missing}`);
if (missing) console.warn(`\n!!! SKIPPING the multi-instance pool test: ${missing} !!!\n`);
const present = assetsPresent('multi-instance pool (real models)', REAL_ASSETS);
const ACTION = 'video_selfie_blank';

interface Pooled {
  readonly url: string;
  close(): Promise<void>;
}

interface Body {
  [key: string]: unknown;
}

async function json(res: Response): Promise<{ status: number; body: Body }> {
  return { status: res.status, body: (await res.json()) as Body };
}

async function upload(
  url: string,
  session: string,
  frames: Buffer[],
): Promise<{ status: number; body: Body }> {
  const data = await buildShotSet({
    action: ACTION,
    frames,
    additionalInfo: '{"virtual_camera_suspected":false}',
  });
  return json(
    await fetch(`${url}/api/v1/sessions/${session}/media`, {
      method: 'POST',
      body: uploadForm([{ field: 'video1', action: ACTION, kind: 'shots_set', data }]),
    }),
  );
}

/** Polls the result through `url` until finished (the plugin's loop, without its timers). */
async function finished(url: string, session: string): Promise<Body> {
  for (let i = 0; i < 600; i++) {
    const r = await json(await fetch(`${url}/api/v1/sessions/${session}/result`));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (r.body.state === 'finished') return r.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the analysis did not finish');
}

describe.skipIf(missing !== null || !present)('two adapters and two analysis workers on real engines', () => {
  let backends: PoolBackends;
  let workers: WorkerProcess[] = [];
  let a: Pooled;
  let b: Pooled;
  let frames: Buffer[];
  let sharedDataDir: string;
  const log = pino({ level: 'silent' });

  async function adapter(file: Record<string, unknown>): Promise<Pooled> {
    const running = await startAdapter({
      config: testConfig({
        port: 0,
        analysis: { embedded: false },
        api_url: backends.apiUrl,
        api_login: POOL_API_CREDENTIALS.email,
        api_password: POOL_API_CREDENTIALS.password,
        redis_url: backends.redis.url,
        session_secret: TEST_SECRET,
        result_mode: 'folder',
        // Pending uploads: one shared volume for the pool (docs/deployment.md).
        data_dir: sharedDataDir,
        ...file,
      }),
      paths: installPaths(),
      log,
      shutdownGraceMs: 500,
    });
    return { url: running.url.replace(/\/$/, ''), close: () => running.close() };
  }

  beforeAll(async () => {
    sharedDataDir = mkdtempSync(join(tmpdir(), 'pool-adapters-'));
    backends = await startPoolBackends();
    workers = await Promise.all([
      startWorkerProcess(backends.postgres.url, backends.dataDir),
      startWorkerProcess(backends.postgres.url, backends.dataDir),
    ]);
    const { privateKey } = await generateContainerKeyPair();
    const pool = { use_wasm_container: true, container_private_key: privateKey };
    [a, b] = await Promise.all([adapter(pool), adapter(pool)]);
    frames = await faceFrames(FACE_IMAGE, 3);
  }, 150_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    await backends?.close();
    if (sharedDataDir) rmSync(sharedDataDir, { recursive: true, force: true });
  }, 60_000);

  it('finishes a session started on A, uploaded through B and polled through A', async () => {
    const s = await startSession(a.url, { actions: [ACTION] });
    expect(s.status, JSON.stringify(s.json)).toBe(200);
    const up = await upload(b.url, s.json.session as string, frames);
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    // The same upload again, through A this time: one upload per session holds across the pool.
    const again = await upload(a.url, s.json.session as string, frames);
    expect([again.status, again.body.code]).toEqual([409, 'session_already_uploaded']);
    const result = await finished(a.url, up.body.session as string);
    expect(result.analyses).toMatchObject({ quality: { resolution: 'success' } });
    // A finished result is served by the other adapter too (from the shared result cache or the API).
    expect(await finished(b.url, up.body.session as string)).toEqual(result);
  }, 60_000);

  it('refuses a sealed container replayed on the other adapter', async () => {
    const s = await startSession(a.url, { actions: [ACTION] });
    expect(s.status).toBe(200);
    const bytes = await sealClips(
      [{ action: ACTION, frames, additionalInfo: '{"virtual_camera_suspected":false}' }],
      s.json.session_token as string,
      s.json.container_public_key as string,
    );
    const first = await postContainer(b.url, s.json.session as string, bytes);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const replay = await postContainer(a.url, s.json.session as string, bytes);
    expect([replay.status, replay.body.code]).toEqual([409, 'container_replayed']);
  }, 60_000);

  it('holds a rate limit across both adapters', async () => {
    const limited = { rate_limits: { sessions: 3, window_ms: 60_000 }, redis_key_prefix: 'ol:rl-test:' };
    const [c, d] = await Promise.all([adapter(limited), adapter(limited)]);
    try {
      const statuses: number[] = [];
      for (const url of [c.url, d.url, c.url, d.url, c.url]) statuses.push((await startSession(url)).status);
      // 3 per client per window for the pool, not 3 per adapter (which would let all five through).
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await c.close();
      await d.close();
    }
  }, 60_000);

  it('loses nothing when the worker running the analysis is killed', async () => {
    // More frames make the analysis long enough to be caught in the middle.
    const many = await faceFrames(FACE_IMAGE, 24);
    for (let attempt = 1; ; attempt++) {
      const s = await startSession(a.url, { actions: [ACTION] });
      expect(s.status).toBe(200);
      const taken = workers.map((w) => w.nextTaken().then((groupId) => ({ w, groupId })));
      const up = await upload(b.url, s.json.session as string, many);
      expect(up.status, JSON.stringify(up.body)).toBe(202);
      const folderId = up.body.folder_id as string;
      const { w: victim, groupId } = await Promise.race(taken);
      await victim.kill('SIGKILL');
      const survivor = workers.find((w) => w !== victim) as WorkerProcess;
      const unfinished = (await backends.storage.meta.listAnalyses(folderId)).filter(
        (x) => x.state === 'PROCESSING',
      );
      // Replace the victim at once, so the pool has two workers again.
      workers = [survivor, await startWorkerProcess(backends.postgres.url, backends.dataDir)];
      if (unfinished.length === 0) {
        // The analysis beat the kill: the premise did not happen, try again.
        if (attempt < 3) continue;
        throw new Error('the analysis finished before its worker could be killed, three times');
      }
      const killedAt = Date.now();
      const result = await finished(a.url, up.body.session as string);
      console.info(`pool: attempt ${attempt}; verdict ${Date.now() - killedAt} ms after the kill`);
      expect(result.analyses).toMatchObject({ quality: { resolution: 'success' } });
      // Another worker took the same group again, and it ran once to the end: one analysis, one output.
      expect(workers.some((w) => w.taken.includes(groupId))).toBe(true);
      const analyses = await backends.storage.meta.listAnalyses(folderId);
      expect(analyses.map((x) => [x.type, x.state])).toEqual([['QUALITY', 'FINISHED']]);
      const outputs = (await backends.storage.meta.listMedia(folderId)).filter(
        (m) => m.media_type === 'IMAGE_RESULT_ANALYSIS_SINGLE',
      );
      expect(outputs.length).toBeLessThanOrEqual(1);
      expect(await backends.storage.meta.listUnfinishedAnalyses()).toEqual([]);
      return;
    }
  }, 120_000);
});
