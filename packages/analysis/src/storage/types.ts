import type { MetaFilter } from '../domain/metaFilter.js';
import type {
  AnalysisRecord,
  CollectionRecord,
  FolderRecord,
  MediaRecord,
  PersonPhotoRecord,
  PersonRecord,
  SessionRecord,
} from '../domain/types.js';

export interface FolderQuery {
  companyId: string;
  offset: number;
  limit: number;
  sort: { field: 'time_created' | 'time_updated'; dir: 'asc' | 'desc' };
  timeCreatedMin?: number;
  timeCreatedMax?: number;
  timeUpdatedMin?: number;
  timeUpdatedMax?: number;
  meta: readonly MetaFilter[];
}

/**
 * Persistence seam. Everything is async so that a PostgreSQL implementation can slot in without
 * touching routes or jobs. Records are plain data; implementations own serialisation.
 */
export interface MetadataStore {
  insertFolder(f: FolderRecord): Promise<void>;
  getFolder(id: string): Promise<FolderRecord | null>;
  touchFolder(id: string, time: number): Promise<void>;
  listFolders(q: FolderQuery): Promise<FolderRecord[]>;

  insertMedia(m: MediaRecord): Promise<void>;
  getMedia(id: string): Promise<MediaRecord | null>;
  listMedia(folderId: string): Promise<MediaRecord[]>;

  insertAnalysis(a: AnalysisRecord): Promise<void>;
  updateAnalysis(a: AnalysisRecord): Promise<void>;
  getAnalysis(id: string): Promise<AnalysisRecord | null>;
  listAnalyses(folderId: string): Promise<AnalysisRecord[]>;
  /** Analyses still `PROCESSING` (at start-up: interrupted by a restart), oldest first. */
  listUnfinishedAnalyses(): Promise<AnalysisRecord[]>;

  insertCollection(c: CollectionRecord): Promise<void>;
  getCollection(id: string): Promise<CollectionRecord | null>;
  listCollections(companyId: string): Promise<CollectionRecord[]>;
  insertPerson(p: PersonRecord): Promise<void>;
  getPerson(id: string): Promise<PersonRecord | null>;
  deletePerson(id: string): Promise<void>;
  insertPersonPhoto(p: PersonPhotoRecord): Promise<void>;
  listPersonPhotos(personId: string): Promise<PersonPhotoRecord[]>;
  /** Every stored photo embedding of the given collections (for brute-force nearest search). */
  listCollectionPhotos(collectionIds: readonly string[]): Promise<PersonPhotoRecord[]>;

  putSession(s: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  getSessionByExpireToken(token: string): Promise<SessionRecord | null>;
  deleteSession(id: string): Promise<void>;

  close(): Promise<void>;
}

/** Media bytes. Files on disk now; object storage later. */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}

export interface Storage {
  readonly meta: MetadataStore;
  readonly blobs: BlobStore;
  close(): Promise<void>;
}
