import type { AnalysisRecord, FolderRecord, MediaRecord, SessionRecord } from '../domain/types.js';

/** Everything a folder read returns: the folder, its media and its analyses, in creation order. */
export interface FolderState {
  readonly folder: FolderRecord;
  readonly media: readonly MediaRecord[];
  readonly analyses: readonly AnalysisRecord[];
}

/**
 * Hot state of folders and API sessions, kept beside the durable store so that result polling never
 * reaches the database. Async so that a shared implementation (Redis, several service processes) can
 * fill it; the in-memory one below serves one process. Entries are whole values: a writer replaces
 * them, a reader never sees half an update.
 */
export interface HotStateCache {
  getFolder(folderId: string): Promise<FolderState | undefined>;
  setFolder(state: FolderState): Promise<void>;
  deleteFolder(folderId: string): Promise<void>;
  getSession(sessionId: string): Promise<SessionRecord | undefined>;
  setSession(session: SessionRecord): Promise<void>;
  deleteSession(sessionId: string): Promise<void>;
}

/** A Map used as an LRU: reading moves the entry to the end, the oldest entry goes first. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}

export interface MemoryCacheLimits {
  /** Folders kept (least recently used go first). Default 10 000. */
  readonly folders?: number;
  /** API sessions kept. Default 10 000. */
  readonly sessions?: number;
}

/** One process's hot state, bounded: an evicted entry is read again from the durable store. */
export class MemoryHotStateCache implements HotStateCache {
  private readonly folders: Lru<FolderState>;
  private readonly sessions: Lru<SessionRecord>;

  constructor(limits: MemoryCacheLimits = {}) {
    this.folders = new Lru(limits.folders ?? 10_000);
    this.sessions = new Lru(limits.sessions ?? 10_000);
  }

  async getFolder(folderId: string): Promise<FolderState | undefined> {
    return this.folders.get(folderId);
  }

  async setFolder(state: FolderState): Promise<void> {
    this.folders.set(state.folder.folder_id, state);
  }

  async deleteFolder(folderId: string): Promise<void> {
    this.folders.delete(folderId);
  }

  async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    return this.sessions.get(sessionId);
  }

  async setSession(session: SessionRecord): Promise<void> {
    this.sessions.set(session.session_id, session);
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
  }

  /** Entry counts, for tests and metrics. */
  get sizes(): { folders: number; sessions: number } {
    return { folders: this.folders.size, sessions: this.sessions.size };
  }
}
