import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { matchesAllMeta } from '../domain/metaFilter.js';
import type {
  AnalysisRecord,
  CollectionRecord,
  FolderRecord,
  MediaRecord,
  PersonPhotoRecord,
  PersonRecord,
  SessionRecord,
} from '../domain/types.js';
import { jsonText, recordReaders } from './records.js';
import { blobFromFloat32, type Row, str } from './rows.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import type { FolderQuery, MetadataStore } from './types.js';

type Bind = (string | number | null | Uint8Array)[];

const read = recordReaders(jsonText);

/**
 * SQLite through better-sqlite3 (native, compiled at install: `onlyBuiltDependencies` in
 * pnpm-workspace.yaml). Calls are synchronous but short: the synchronous wasm driver it replaced took
 * several times longer per statement on the event loop that also serves the result polls
 * (docs/benchmarks.md). Statements are prepared once and reused.
 */
export class SqliteMetadataStore implements MetadataStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** `file` is a path, or `:memory:` for a database that lives and dies with this object. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
    this.db.exec(SCHEMA_SQL);
    this.db.exec(`PRAGMA user_version = ${SCHEMA_VERSION};`);
  }

  private prepared(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private all(sql: string, bind: Bind = []): Row[] {
    return this.prepared(sql).all(...bind) as Row[];
  }

  private one(sql: string, bind: Bind = []): Row | null {
    return (this.prepared(sql).get(...bind) as Row | undefined) ?? null;
  }

  private run(sql: string, bind: Bind = []): void {
    this.prepared(sql).run(...bind);
  }

  async insertFolder(f: FolderRecord): Promise<void> {
    this.run('INSERT INTO folders VALUES (?, ?, ?, ?, ?, ?, ?)', [
      f.folder_id,
      f.company_id,
      f.user_id,
      f.time_created,
      f.time_updated,
      f.resolution_endpoint,
      JSON.stringify(f.meta_data),
    ]);
  }

  async getFolder(id: string): Promise<FolderRecord | null> {
    const r = this.one('SELECT * FROM folders WHERE folder_id = ?', [id]);
    return r ? read.folder(r) : null;
  }

  async touchFolder(id: string, time: number): Promise<void> {
    this.run('UPDATE folders SET time_updated = ? WHERE folder_id = ?', [time, id]);
  }

  async listFolders(q: FolderQuery): Promise<FolderRecord[]> {
    const where = ['company_id = ?'];
    const bind: Bind = [q.companyId];
    const range = (col: string, op: string, v: number | undefined) => {
      if (v === undefined) return;
      where.push(`${col} ${op} ?`);
      bind.push(v);
    };
    range('time_created', '>=', q.timeCreatedMin);
    range('time_created', '<=', q.timeCreatedMax);
    range('time_updated', '>=', q.timeUpdatedMin);
    range('time_updated', '<=', q.timeUpdatedMax);
    // The sort column and direction come from a closed union, never from raw input.
    const order = `${q.sort.field} ${q.sort.dir === 'asc' ? 'ASC' : 'DESC'}`;
    const rows = this.all(`SELECT * FROM folders WHERE ${where.join(' AND ')} ORDER BY ${order}`, bind);
    // Metadata filters run in JS (exact text match on nested keys); a PostgreSQL store would push
    // them into a JSONB query instead.
    const filtered = rows.map(read.folder).filter((f) => matchesAllMeta(f.meta_data, q.meta));
    return filtered.slice(q.offset, q.offset + q.limit);
  }

  async insertMedia(m: MediaRecord): Promise<void> {
    this.run('INSERT INTO media VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      m.media_id,
      m.folder_id,
      m.company_id,
      m.media_type,
      m.original_name,
      JSON.stringify(m.tags),
      JSON.stringify(m.meta_data),
      JSON.stringify(m.info),
      m.blob_key,
      m.time_created,
      m.time_updated,
    ]);
  }

  async getMedia(id: string): Promise<MediaRecord | null> {
    const r = this.one('SELECT * FROM media WHERE media_id = ?', [id]);
    return r ? read.media(r) : null;
  }

  async listMedia(folderId: string): Promise<MediaRecord[]> {
    return this.all('SELECT * FROM media WHERE folder_id = ? ORDER BY time_created, rowid', [folderId]).map(
      read.media,
    );
  }

  async insertAnalysis(a: AnalysisRecord): Promise<void> {
    this.run('INSERT INTO analyses VALUES (?, ?, ?, ?)', [
      a.analysis_id,
      a.folder_id,
      a.time_created,
      JSON.stringify(a),
    ]);
  }

  async updateAnalysis(a: AnalysisRecord): Promise<void> {
    this.run('UPDATE analyses SET body = ? WHERE analysis_id = ?', [JSON.stringify(a), a.analysis_id]);
  }

  async getAnalysis(id: string): Promise<AnalysisRecord | null> {
    const r = this.one('SELECT body FROM analyses WHERE analysis_id = ?', [id]);
    return r ? (JSON.parse(str(r, 'body')) as AnalysisRecord) : null;
  }

  async listAnalyses(folderId: string): Promise<AnalysisRecord[]> {
    return this.all('SELECT body FROM analyses WHERE folder_id = ? ORDER BY time_created, rowid', [
      folderId,
    ]).map((r) => JSON.parse(str(r, 'body')) as AnalysisRecord);
  }

  async listUnfinishedAnalyses(): Promise<AnalysisRecord[]> {
    // The state lives in the JSON body; a start-up scan, so no index is needed.
    return this.all('SELECT body FROM analyses ORDER BY time_created, rowid', [])
      .map((r) => JSON.parse(str(r, 'body')) as AnalysisRecord)
      .filter((a) => a.state === 'PROCESSING');
  }

  async insertCollection(c: CollectionRecord): Promise<void> {
    this.run('INSERT INTO collections VALUES (?, ?, ?, ?, ?)', [
      c.collection_id,
      c.company_id,
      c.alias,
      JSON.stringify(c.meta_data),
      c.time_created,
    ]);
  }

  async getCollection(id: string): Promise<CollectionRecord | null> {
    const r = this.one('SELECT * FROM collections WHERE collection_id = ?', [id]);
    return r ? read.collection(r) : null;
  }

  async listCollections(companyId: string): Promise<CollectionRecord[]> {
    return this.all('SELECT * FROM collections WHERE company_id = ? ORDER BY time_created', [companyId]).map(
      read.collection,
    );
  }

  async insertPerson(p: PersonRecord): Promise<void> {
    this.run('INSERT INTO persons VALUES (?, ?, ?, ?)', [
      p.person_id,
      p.collection_id,
      JSON.stringify(p.meta_data),
      p.time_created,
    ]);
  }

  async getPerson(id: string): Promise<PersonRecord | null> {
    const r = this.one('SELECT * FROM persons WHERE person_id = ?', [id]);
    return r ? read.person(r) : null;
  }

  async deletePerson(id: string): Promise<void> {
    this.run('DELETE FROM person_photos WHERE person_id = ?', [id]);
    this.run('DELETE FROM persons WHERE person_id = ?', [id]);
  }

  async insertPersonPhoto(p: PersonPhotoRecord): Promise<void> {
    this.run('INSERT INTO person_photos VALUES (?, ?, ?, ?, ?, ?, ?)', [
      p.photo_id,
      p.person_id,
      p.collection_id,
      p.blob_key,
      blobFromFloat32(p.embedding),
      p.model_id,
      p.time_created,
    ]);
  }

  async listPersonPhotos(personId: string): Promise<PersonPhotoRecord[]> {
    return this.all('SELECT * FROM person_photos WHERE person_id = ? ORDER BY time_created', [personId]).map(
      read.photo,
    );
  }

  async listCollectionPhotos(collectionIds: readonly string[]): Promise<PersonPhotoRecord[]> {
    if (collectionIds.length === 0) return [];
    const marks = collectionIds.map(() => '?').join(', ');
    return this.all(`SELECT * FROM person_photos WHERE collection_id IN (${marks})`, [...collectionIds]).map(
      read.photo,
    );
  }

  async putSession(s: SessionRecord): Promise<void> {
    this.run('INSERT OR REPLACE INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?)', [
      s.session_id,
      s.user_id,
      s.access_token_id,
      s.expire_token,
      s.access_expires_at,
      s.expire_token_expires_at,
      s.replaces,
    ]);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const r = this.one('SELECT * FROM sessions WHERE session_id = ?', [id]);
    return r ? read.session(r) : null;
  }

  async getSessionByExpireToken(token: string): Promise<SessionRecord | null> {
    const r = this.one('SELECT * FROM sessions WHERE expire_token = ?', [token]);
    return r ? read.session(r) : null;
  }

  async deleteSession(id: string): Promise<void> {
    this.run('DELETE FROM sessions WHERE session_id = ?', [id]);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
