import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisRecord, FolderRecord, MediaRecord } from '../domain/types.js';
import { CachedMetadataStore } from './cachedStore.js';
import { MemoryHotStateCache } from './folderCache.js';
import { SqliteMetadataStore } from './sqlite.js';

const folder = (id: string): FolderRecord => ({
  folder_id: id,
  company_id: 'c',
  user_id: 'u',
  time_created: 1,
  time_updated: 1,
  resolution_endpoint: null,
  meta_data: {},
});
const media = (id: string, folderId: string, t: number): MediaRecord => ({
  media_id: id,
  folder_id: folderId,
  company_id: 'c',
  media_type: 'IMAGE_FOLDER',
  original_name: `${id}.jpg`,
  tags: [],
  meta_data: {},
  info: { mime: 'image/jpeg', size: 1, md5: 'x', width: null, height: null, frames: null },
  blob_key: `${folderId}/${id}`,
  time_created: t,
  time_updated: t,
});
const analysis = (id: string, folderId: string, state: 'PROCESSING' | 'FINISHED'): AnalysisRecord => ({
  analysis_id: id,
  folder_id: folderId,
  company_id: 'c',
  group_id: 'g',
  type: 'QUALITY',
  state,
  resolution_status: state === 'FINISHED' ? 'SUCCESS' : 'PROCESSING',
  results_data: null,
  results_media: [],
  source_media: [],
  params: {},
  confs: {},
  meta_data: {},
  error_code: null,
  error_message: null,
  time_created: 2,
  time_updated: 2,
  time_task_send_to_broker: 2,
  time_task_received: null,
  time_task_finished: null,
});

describe('CachedMetadataStore', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const open = (limits = {}) => {
    const dir = mkdtempSync(join(tmpdir(), 'ol-cache-unit-'));
    dirs.push(dir);
    const inner = new SqliteMetadataStore(join(dir, 'db.sqlite'));
    const cache = new MemoryHotStateCache(limits);
    return { inner, cache, store: new CachedMetadataStore(inner, cache) };
  };
  const readAll = async (
    s: { getFolder: CachedMetadataStore['getFolder'] } & CachedMetadataStore,
    id: string,
  ) => ({
    folder: await s.getFolder(id),
    media: await s.listMedia(id),
    analyses: await s.listAnalyses(id),
  });
  const readInner = async (s: SqliteMetadataStore, id: string) => ({
    folder: await s.getFolder(id),
    media: await s.listMedia(id),
    analyses: await s.listAnalyses(id),
  });

  it('answers folder reads from the cache, equal to what SQLite holds after every write', async () => {
    const { inner, store } = open();
    await store.insertFolder(folder('f'));
    await store.insertMedia(media('m2', 'f', 5));
    await store.insertMedia(media('m1', 'f', 3)); // an older clock: ordered by time like SQL
    await store.insertAnalysis(analysis('a', 'f', 'PROCESSING'));
    expect(await readAll(store, 'f')).toEqual(await readInner(inner, 'f'));
    await store.updateAnalysis(analysis('a', 'f', 'FINISHED'));
    await store.touchFolder('f', 9);
    const cached = await readAll(store, 'f');
    expect(cached).toEqual(await readInner(inner, 'f'));
    expect(cached.media.map((m) => m.media_id)).toEqual(['m1', 'm2']);
    expect(cached.analyses[0]?.state).toBe('FINISHED');
    expect(cached.folder?.time_updated).toBe(9);
    expect(await store.getFolder('missing')).toBeNull();
  });

  it('reads an evicted or unknown folder from SQLite once and keeps it', async () => {
    const { inner, cache, store } = open({ folders: 1 });
    await inner.insertFolder(folder('old'));
    await inner.insertAnalysis(analysis('a', 'old', 'FINISHED'));
    await store.insertFolder(folder('f')); // fills the only slot
    expect((await store.listAnalyses('old')).map((a) => a.state)).toEqual(['FINISHED']);
    expect(cache.sizes.folders).toBe(1);
    expect((await cache.getFolder('old'))?.analyses).toHaveLength(1);
  });

  it('does not keep a read-through that raced a write to the same folder', async () => {
    const { inner, cache, store } = open();
    await inner.insertFolder(folder('f'));
    await inner.insertAnalysis(analysis('a', 'f', 'PROCESSING'));
    const reading = store.listAnalyses('f'); // a miss: reads SQLite
    await store.updateAnalysis(analysis('a', 'f', 'FINISHED'));
    await reading;
    expect(await cache.getFolder('f')).toBeUndefined();
    expect((await store.listAnalyses('f')).map((a) => a.state)).toEqual(['FINISHED']);
  });

  it('keeps API sessions in the cache and forgets deleted ones', async () => {
    const { inner, store } = open();
    const s = {
      session_id: 's',
      user_id: 'u',
      access_token_id: 'j',
      expire_token: 'e',
      access_expires_at: 10,
      expire_token_expires_at: 20,
      replaces: null,
    };
    await store.putSession(s);
    expect(await store.getSession('s')).toEqual(await inner.getSession('s'));
    await store.deleteSession('s');
    expect(await store.getSession('s')).toBeNull();
  });
});
