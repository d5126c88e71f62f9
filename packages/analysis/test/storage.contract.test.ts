import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord, FolderRecord, MediaRecord } from '../src/domain/types.js';
import { openDefaultStorage } from '../src/storage/index.js';
import { openPostgresStorage } from '../src/storage/postgres/index.js';
import type { Storage } from '../src/storage/types.js';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from './helpers/postgres.js';

// One behaviour for every storage engine: the same calls must give the same records and the same order.
const pgMissing = postgresUnavailable();
if (pgMissing && process.env.CI === 'true') throw new Error(`storage contract: ${pgMissing}`);
if (pgMissing) console.warn(`\n!!! SKIPPING the PostgreSQL storage contract: ${pgMissing} !!!\n`);

const folder = (id: string, t: number, meta: FolderRecord['meta_data'] = {}): FolderRecord => ({
  folder_id: id,
  company_id: 'acme',
  user_id: 'u1',
  time_created: t,
  time_updated: t,
  resolution_endpoint: null,
  meta_data: meta,
});

const media = (id: string, folderId: string, t: number): MediaRecord => ({
  media_id: id,
  folder_id: folderId,
  company_id: 'acme',
  media_type: 'SHOTS_SET_FOLDER',
  original_name: `${id}.zip`,
  tags: ['video_selfie', 'video_selfie_blank'],
  meta_data: { k: 'v' },
  info: { mime: 'application/zip', size: 10, md5: 'x', width: null, height: null, frames: 5 },
  blob_key: `blobs/${id}`,
  time_created: t,
  time_updated: t,
});

function contract(name: string, open: () => Promise<{ storage: Storage; done(): Promise<void> }>) {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    let done: () => Promise<void>;
    beforeAll(async () => {
      ({ storage, done } = await open());
    });
    afterAll(async () => {
      await done?.();
    });

    it('stores folders, touches them and lists them with ranges, meta filters, sort and paging', async () => {
      const m = storage.meta;
      await m.insertFolder(folder('f1', 100, { client: { id: '7' }, kind: 'a' }));
      await m.insertFolder(folder('f2', 200, { kind: 'b' }));
      await m.insertFolder(folder('f3', 300, { kind: 'a', n: 5 }));
      await m.insertFolder({ ...folder('other', 150), company_id: 'globex' });
      expect(await m.getFolder('f1')).toEqual(folder('f1', 100, { client: { id: '7' }, kind: 'a' }));
      expect(await m.getFolder('nope')).toBeNull();
      await m.touchFolder('f1', 400);
      expect((await m.getFolder('f1'))?.time_updated).toBe(400);
      const q = {
        companyId: 'acme',
        offset: 0,
        limit: 10,
        sort: { field: 'time_created' as const, dir: 'asc' as const },
        meta: [],
      };
      expect((await m.listFolders(q)).map((f) => f.folder_id)).toEqual(['f1', 'f2', 'f3']);
      expect(
        (await m.listFolders({ ...q, sort: { field: 'time_updated', dir: 'desc' } })).map((f) => f.folder_id),
      ).toEqual(['f1', 'f3', 'f2']);
      expect((await m.listFolders({ ...q, timeCreatedMin: 150, timeCreatedMax: 300 })).length).toBe(2);
      const kindA = [{ path: ['kind'], op: 'eq' as const, value: 'a' }];
      expect((await m.listFolders({ ...q, meta: kindA })).map((f) => f.folder_id)).toEqual(['f1', 'f3']);
      const nested = [{ path: ['client', 'id'], op: 'eq' as const, value: '7' }];
      expect((await m.listFolders({ ...q, meta: nested })).map((f) => f.folder_id)).toEqual(['f1']);
      const num = [{ path: ['n'], op: 'eq' as const, value: '5' }];
      expect((await m.listFolders({ ...q, meta: num })).map((f) => f.folder_id)).toEqual(['f3']);
      expect((await m.listFolders({ ...q, offset: 1, limit: 1 })).map((f) => f.folder_id)).toEqual(['f2']);
    });

    it('keeps media and analyses in insertion order per folder, and updates analyses in place', async () => {
      const m = storage.meta;
      await m.insertMedia(media('m2', 'f2', 10));
      await m.insertMedia(media('m1', 'f2', 10));
      await m.insertMedia(media('m3', 'f3', 5));
      expect((await m.listMedia('f2')).map((x) => x.media_id)).toEqual(['m2', 'm1']);
      expect(await m.getMedia('m1')).toEqual(media('m1', 'f2', 10));
      const a: AnalysisRecord = {
        analysis_id: 'a1',
        folder_id: 'f2',
        type: 'QUALITY',
        state: 'PROCESSING',
        resolution_status: 'PROCESSING',
        time_created: 11,
        time_updated: 11,
      } as unknown as AnalysisRecord;
      await m.insertAnalysis(a);
      await m.insertAnalysis({ ...a, analysis_id: 'a0' });
      await m.updateAnalysis({ ...a, state: 'FINISHED' });
      expect((await m.getAnalysis('a1'))?.state).toBe('FINISHED');
      expect((await m.listAnalyses('f2')).map((x) => x.analysis_id)).toEqual(['a1', 'a0']);
      expect(await m.getAnalysis('missing')).toBeNull();
    });

    it('keeps collections, persons and embeddings, and deletes a person with its photos', async () => {
      const m = storage.meta;
      await m.insertCollection({
        collection_id: 'c1',
        company_id: 'acme',
        alias: 'bl',
        meta_data: {},
        time_created: 1,
      });
      await m.insertCollection({
        collection_id: 'c2',
        company_id: 'globex',
        alias: 'x',
        meta_data: {},
        time_created: 2,
      });
      expect((await m.listCollections('acme')).map((c) => c.collection_id)).toEqual(['c1']);
      await m.insertPerson({ person_id: 'p1', collection_id: 'c1', meta_data: { n: 'a' }, time_created: 3 });
      const embedding = new Float32Array([0.25, -1.5, 3.75]);
      await m.insertPersonPhoto({
        photo_id: 'ph1',
        person_id: 'p1',
        collection_id: 'c1',
        blob_key: 'b',
        embedding,
        model_id: 'fr_feature',
        time_created: 4,
      });
      const photos = await m.listCollectionPhotos(['c1', 'c2']);
      expect(photos.length).toBe(1);
      expect(Array.from(photos[0]?.embedding ?? [])).toEqual([0.25, -1.5, 3.75]);
      expect((await m.listPersonPhotos('p1')).length).toBe(1);
      expect(await m.listCollectionPhotos([])).toEqual([]);
      await m.deletePerson('p1');
      expect(await m.getPerson('p1')).toBeNull();
      expect(await m.listPersonPhotos('p1')).toEqual([]);
    });

    it('replaces sessions by id and finds them by expire token', async () => {
      const m = storage.meta;
      const s = {
        session_id: 's1',
        user_id: 'u1',
        access_token_id: 't1',
        expire_token: 'e1',
        access_expires_at: 10,
        expire_token_expires_at: 20,
        replaces: null,
      };
      await m.putSession(s);
      await m.putSession({ ...s, access_token_id: 't2', expire_token: 'e2' });
      expect((await m.getSession('s1'))?.access_token_id).toBe('t2');
      expect((await m.getSessionByExpireToken('e2'))?.session_id).toBe('s1');
      expect(await m.getSessionByExpireToken('e1')).toBeNull();
      await m.deleteSession('s1');
      expect(await m.getSession('s1')).toBeNull();
    });

    it('stores blob bytes exactly', async () => {
      const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
      await storage.blobs.put('media/x/y.zip', bytes);
      expect(Buffer.from(await storage.blobs.get('media/x/y.zip')).equals(Buffer.from(bytes))).toBe(true);
      await storage.blobs.delete('media/x/y.zip');
      await expect(storage.blobs.get('media/x/y.zip')).rejects.toThrow();
    });
  });
}

contract('SQLite + files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ol-store-'));
  const storage = openDefaultStorage(dir);
  return {
    storage,
    async done() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe.skipIf(pgMissing !== null)('PostgreSQL', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  contract('PostgreSQL', async () => {
    const storage = await openPostgresStorage({ connectionString: server.url });
    return { storage, done: () => storage.close() };
  });

  it('applies versioned migrations once, even when several instances start together', async () => {
    const opened = await Promise.all(
      [1, 2, 3].map(() => openPostgresStorage({ connectionString: server.url })),
    );
    expect(opened.map((s) => s.schemaVersion)).toEqual([1, 1, 1]);
    await Promise.all(opened.map((s) => s.close()));
  });
});
