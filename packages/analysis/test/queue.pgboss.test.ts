import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MrzOcr } from '../src/documents/ocr.js';
import type { AnalysisRecord, FolderRecord } from '../src/domain/types.js';
import { resolvePgBossOptions } from '../src/jobs/pgboss/options.js';
import { PgBossQueue } from '../src/jobs/pgboss/producer.js';
import { AnalysisWorker } from '../src/jobs/pgboss/worker.js';
import { AnalysisRunner } from '../src/jobs/runner.js';
import { silentLogger } from '../src/logger.js';
import type { FaceToolkit } from '../src/models/pool.js';
import { openPostgresStorage } from '../src/storage/postgres/index.js';
import type { Storage } from '../src/storage/types.js';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from './helpers/postgres.js';

// The pg-boss queue against a real PostgreSQL. The groups here have no media, so a QUALITY analysis
// ends FAILED with "no media" without touching a model: what is tested is the queue, not the models
// (the multi-instance test in packages/adapter runs real analyses through it).
const pgMissing = postgresUnavailable();
if (pgMissing && process.env.CI === 'true') throw new Error(`pg-boss queue: ${pgMissing}`);
if (pgMissing) console.warn(`\n!!! SKIPPING the pg-boss queue tests: ${pgMissing} !!!\n`);

const noEngine = {} as FaceToolkit;
const noOcr = {} as MrzOcr;

function runner(storage: Storage): AnalysisRunner {
  return new AnalysisRunner({
    storage,
    engine: noEngine,
    ocr: noOcr,
    logger: silentLogger,
    baseUrl: '',
    settings: {
      livenessThreshold: 0.5,
      biometryThreshold: 0.4,
      collectionThreshold: 0.45,
      maxFramesPerMedia: 5,
      maxGestureFrames: 60,
      identityThreshold: 0.3,
    },
    webhook: {
      attempts: 1,
      timeoutMs: 1000,
      baseDelayMs: 10,
      secret: new Uint8Array(32),
      allowPrivateTargets: true,
    },
  });
}

/** A folder with one PROCESSING QUALITY analysis in a fresh group, stored but not queued. */
async function storedGroup(storage: Storage): Promise<AnalysisRecord[]> {
  const now = Date.now() / 1000;
  const folder: FolderRecord = {
    folder_id: randomUUID(),
    company_id: 'acme',
    user_id: 'u1',
    time_created: now,
    time_updated: now,
    resolution_endpoint: null,
    meta_data: {},
  };
  await storage.meta.insertFolder(folder);
  const a: AnalysisRecord = {
    analysis_id: randomUUID(),
    folder_id: folder.folder_id,
    company_id: 'acme',
    group_id: randomUUID(),
    type: 'QUALITY',
    state: 'PROCESSING',
    resolution_status: 'PROCESSING',
    results_data: null,
    results_media: [],
    source_media: [],
    params: {},
    confs: {},
    meta_data: {},
    error_code: null,
    error_message: null,
    time_created: now,
    time_updated: now,
    time_task_send_to_broker: now,
    time_task_received: null,
    time_task_finished: null,
  };
  await storage.meta.insertAnalysis(a);
  return [a];
}

describe.skipIf(pgMissing !== null)('pg-boss analysis queue on a real PostgreSQL', () => {
  let pgServer: TestPostgres;
  let storage: Storage;
  const fast = { maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5, retryDelaySeconds: 0 };

  beforeAll(async () => {
    pgServer = await startTestPostgres();
    storage = await openPostgresStorage({ connectionString: pgServer.url });
  }, 60_000);
  afterAll(async () => {
    await storage?.close();
    pgServer?.stop();
  });

  it('runs a queued group on a worker and settles enqueue() when it is done', async () => {
    const queueOptions = { kind: 'pg-boss' as const, connectionString: pgServer.url, ...fast };
    const producer = await PgBossQueue.start(queueOptions, storage, silentLogger);
    const worker = await AnalysisWorker.start({
      queue: queueOptions,
      runner: runner(storage),
      storage,
      logger: silentLogger,
      concurrency: 2,
    });
    try {
      const group = await storedGroup(storage);
      const first = group[0] as AnalysisRecord;
      await producer.enqueue(first.folder_id, group);
      const done = await storage.meta.getAnalysis(first.analysis_id);
      expect(done).toMatchObject({ state: 'FAILED', error_code: 202 });
      // Sending the same group again makes no second job (the job id is the group id).
      expect(
        await producer.send({ folder_id: first.folder_id, group_id: first.group_id, analysis_ids: [] }),
      ).toBe(false);
    } finally {
      await worker.close(1000);
      await producer.close();
    }
  }, 60_000);

  it('picks up a stored group that was never queued (the API died in between)', async () => {
    const group = await storedGroup(storage);
    const first = group[0] as AnalysisRecord;
    const queueOptions = { kind: 'pg-boss' as const, connectionString: pgServer.url, ...fast };
    const worker = await AnalysisWorker.start({
      queue: queueOptions,
      runner: runner(storage),
      storage,
      logger: silentLogger,
      concurrency: 1,
    });
    try {
      // The worker's start-up sweep sends it; nothing else does.
      let state = 'PROCESSING';
      for (let i = 0; i < 200 && state === 'PROCESSING'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = (await storage.meta.getAnalysis(first.analysis_id))?.state ?? 'missing';
      }
      expect(state).toBe('FAILED');
    } finally {
      await worker.close(1000);
    }
  }, 60_000);

  it('fails the analyses of a group whose every attempt expired, so nothing stays PROCESSING', async () => {
    const group = await storedGroup(storage);
    const first = group[0] as AnalysisRecord;
    // Storage that never answers the first read of this analysis: the attempt hangs like a stuck worker.
    let hung = false;
    const stuck: Storage = {
      ...storage,
      meta: new Proxy(storage.meta, {
        get(target, prop, receiver) {
          if (prop === 'getAnalysis')
            return (id: string) => {
              if (id === first.analysis_id && !hung) {
                hung = true;
                return new Promise(() => {});
              }
              return target.getAnalysis(id);
            };
          const v = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      }),
    };
    const queueOptions = {
      kind: 'pg-boss' as const,
      connectionString: pgServer.url,
      ...fast,
      expireInSeconds: 1,
      retryLimit: 0,
    };
    const producer = await PgBossQueue.start(queueOptions, storage, silentLogger);
    const worker = await AnalysisWorker.start({
      queue: queueOptions,
      runner: runner(stuck),
      storage: stuck,
      logger: silentLogger,
      concurrency: 1,
    });
    try {
      await producer.enqueue(first.folder_id, group);
      const after = await storage.meta.getAnalysis(first.analysis_id);
      expect(hung).toBe(true);
      expect(after).toMatchObject({ state: 'FAILED', resolution_status: 'FAILED', error_code: 0 });
      expect(after?.error_message).toMatch(/every attempt failed/);
    } finally {
      await worker.close(1000);
      await producer.close();
    }
  }, 60_000);

  it('rejects nonsense queue settings', () => {
    expect(() =>
      resolvePgBossOptions({ kind: 'pg-boss', connectionString: 'postgres://x', expireInSeconds: 0 }),
    ).toThrow(/expireInSeconds/);
    expect(() => resolvePgBossOptions({ kind: 'pg-boss', connectionString: '' })).toThrow(
      /connection string/,
    );
  });
});
