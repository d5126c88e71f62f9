import type {
  AnalysisRecord,
  CollectionRecord,
  FolderRecord,
  MediaRecord,
  PersonPhotoRecord,
  PersonRecord,
  SessionRecord,
} from '../domain/types.js';
import type { FolderState, HotStateCache } from './folderCache.js';
import type { FolderQuery, MetadataStore } from './types.js';

/** Stable by creation time, then by insertion (what `ORDER BY time_created, rowid` gives). */
function upsertByTime<T extends { time_created: number }>(
  list: readonly T[],
  item: T,
  same: (x: T) => boolean,
): T[] {
  const i = list.findIndex(same);
  if (i >= 0) return list.map((x, j) => (j === i ? item : x));
  const out = [...list, item];
  // Appending keeps insertion order; only an out-of-order clock needs the (stable) sort.
  const prev = list[list.length - 1];
  if (prev && prev.time_created > item.time_created) out.sort((a, b) => a.time_created - b.time_created);
  return out;
}

/**
 * The durable store with a hot-state cache in front: every write goes to the store first and then
 * into the cache, and the reads of folder state (folder, its media, its analyses) and of API
 * sessions are answered from the cache. So polling a folder costs a map lookup, not three SQL
 * queries, and never waits behind the analysis writing its results.
 *
 * A miss (a restart, an evicted entry) reads the store once and fills the cache, unless a write to
 * that folder happened meanwhile (then the fresh read is answered but not kept). Writes to one
 * folder are applied to the cache in order.
 */
export class CachedMetadataStore implements MetadataStore {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly loading = new Set<string>();
  private readonly dirty = new Set<string>();
  /** Bumped by every session write, so a read-through that raced one is not cached. */
  private sessionWrites = 0;

  constructor(
    readonly inner: MetadataStore,
    readonly cache: HotStateCache,
  ) {}

  /** Applies `change` to the cached state of a folder, after the previous change to it. */
  private mutate(folderId: string, change: (s: FolderState) => FolderState): Promise<void> {
    if (this.loading.has(folderId)) this.dirty.add(folderId);
    const prev = this.chains.get(folderId) ?? Promise.resolve();
    const next = prev.then(async () => {
      const s = await this.cache.getFolder(folderId);
      if (s) await this.cache.setFolder(change(s));
    });
    const tail = next.catch(() => {});
    this.chains.set(folderId, tail);
    void tail.then(() => {
      if (this.chains.get(folderId) === tail) this.chains.delete(folderId);
    });
    return next;
  }

  /** The folder's state from the cache, or read once from the store. */
  private async state(folderId: string): Promise<FolderState | null> {
    const hit = await this.cache.getFolder(folderId);
    if (hit) return hit;
    this.loading.add(folderId);
    try {
      const folder = await this.inner.getFolder(folderId);
      if (!folder) return null;
      const [media, analyses] = await Promise.all([
        this.inner.listMedia(folderId),
        this.inner.listAnalyses(folderId),
      ]);
      const s: FolderState = { folder, media, analyses };
      if (!this.dirty.has(folderId)) await this.cache.setFolder(s);
      return s;
    } finally {
      this.loading.delete(folderId);
      this.dirty.delete(folderId);
    }
  }

  async insertFolder(f: FolderRecord): Promise<void> {
    await this.inner.insertFolder(f);
    await this.cache.setFolder({ folder: f, media: [], analyses: [] });
  }

  async getFolder(id: string): Promise<FolderRecord | null> {
    return (await this.state(id))?.folder ?? null;
  }

  async touchFolder(id: string, time: number): Promise<void> {
    await this.inner.touchFolder(id, time);
    await this.mutate(id, (s) => ({ ...s, folder: { ...s.folder, time_updated: time } }));
  }

  listFolders(q: FolderQuery): Promise<FolderRecord[]> {
    return this.inner.listFolders(q);
  }

  async insertMedia(m: MediaRecord): Promise<void> {
    await this.inner.insertMedia(m);
    await this.mutate(m.folder_id, (s) => ({
      ...s,
      media: upsertByTime(s.media, m, (x) => x.media_id === m.media_id),
    }));
  }

  getMedia(id: string): Promise<MediaRecord | null> {
    return this.inner.getMedia(id);
  }

  async listMedia(folderId: string): Promise<MediaRecord[]> {
    return [...((await this.state(folderId))?.media ?? [])];
  }

  async insertAnalysis(a: AnalysisRecord): Promise<void> {
    await this.inner.insertAnalysis(a);
    await this.putAnalysis(a);
  }

  async updateAnalysis(a: AnalysisRecord): Promise<void> {
    await this.inner.updateAnalysis(a);
    await this.putAnalysis(a);
  }

  private putAnalysis(a: AnalysisRecord): Promise<void> {
    return this.mutate(a.folder_id, (s) => ({
      ...s,
      analyses: upsertByTime(s.analyses, a, (x) => x.analysis_id === a.analysis_id),
    }));
  }

  getAnalysis(id: string): Promise<AnalysisRecord | null> {
    return this.inner.getAnalysis(id);
  }

  async listAnalyses(folderId: string): Promise<AnalysisRecord[]> {
    return [...((await this.state(folderId))?.analyses ?? [])];
  }

  /** A start-up scan of the records themselves: the cache is empty then and would know nothing. */
  listUnfinishedAnalyses(): Promise<AnalysisRecord[]> {
    return this.inner.listUnfinishedAnalyses();
  }

  insertCollection(c: CollectionRecord): Promise<void> {
    return this.inner.insertCollection(c);
  }
  getCollection(id: string): Promise<CollectionRecord | null> {
    return this.inner.getCollection(id);
  }
  listCollections(companyId: string): Promise<CollectionRecord[]> {
    return this.inner.listCollections(companyId);
  }
  insertPerson(p: PersonRecord): Promise<void> {
    return this.inner.insertPerson(p);
  }
  getPerson(id: string): Promise<PersonRecord | null> {
    return this.inner.getPerson(id);
  }
  deletePerson(id: string): Promise<void> {
    return this.inner.deletePerson(id);
  }
  insertPersonPhoto(p: PersonPhotoRecord): Promise<void> {
    return this.inner.insertPersonPhoto(p);
  }
  listPersonPhotos(personId: string): Promise<PersonPhotoRecord[]> {
    return this.inner.listPersonPhotos(personId);
  }
  listCollectionPhotos(collectionIds: readonly string[]): Promise<PersonPhotoRecord[]> {
    return this.inner.listCollectionPhotos(collectionIds);
  }

  async putSession(s: SessionRecord): Promise<void> {
    this.sessionWrites++;
    await this.inner.putSession(s);
    await this.cache.setSession(s);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const hit = await this.cache.getSession(id);
    if (hit) return hit;
    const before = this.sessionWrites;
    const s = await this.inner.getSession(id);
    if (s && before === this.sessionWrites) await this.cache.setSession(s);
    return s;
  }

  getSessionByExpireToken(token: string): Promise<SessionRecord | null> {
    return this.inner.getSessionByExpireToken(token);
  }

  async deleteSession(id: string): Promise<void> {
    this.sessionWrites++;
    await this.inner.deleteSession(id);
    await this.cache.deleteSession(id);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
