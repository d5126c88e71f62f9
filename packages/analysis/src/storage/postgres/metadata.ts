import type { Pool } from 'pg';
import { matchesAllMeta } from '../../domain/metaFilter.js';
import type {
  AnalysisRecord,
  CollectionRecord,
  FolderRecord,
  MediaRecord,
  PersonPhotoRecord,
  PersonRecord,
  SessionRecord,
} from '../../domain/types.js';
import { jsonParsed, recordReaders } from '../records.js';
import { blobFromFloat32, type Row } from '../rows.js';
import type { FolderQuery, MetadataStore } from '../types.js';

const read = recordReaders(jsonParsed);

type Param = string | number | null | Buffer;

/**
 * The metadata seam on PostgreSQL through node-postgres (`pg`): the same records and the same ordering as the
 * SQLite store, shared by every analysis instance. JSON fields are JSONB; embeddings are float32 `bytea`.
 */
export class PgMetadataStore implements MetadataStore {
  constructor(private readonly pool: Pool) {}

  private async all(sql: string, params: Param[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  private async one(sql: string, params: Param[] = []): Promise<Row | null> {
    return (await this.all(sql, params))[0] ?? null;
  }

  private async run(sql: string, params: Param[] = []): Promise<void> {
    await this.pool.query(sql, params);
  }

  async insertFolder(f: FolderRecord): Promise<void> {
    await this.run('INSERT INTO folders VALUES ($1, $2, $3, $4, $5, $6, $7)', [
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
    const r = await this.one('SELECT * FROM folders WHERE folder_id = $1', [id]);
    return r ? read.folder(r) : null;
  }

  async touchFolder(id: string, time: number): Promise<void> {
    await this.run('UPDATE folders SET time_updated = $1 WHERE folder_id = $2', [time, id]);
  }

  async listFolders(q: FolderQuery): Promise<FolderRecord[]> {
    const where = ['company_id = $1'];
    const params: Param[] = [q.companyId];
    const range = (col: string, op: string, v: number | undefined) => {
      if (v === undefined) return;
      params.push(v);
      where.push(`${col} ${op} $${params.length}`);
    };
    range('time_created', '>=', q.timeCreatedMin);
    range('time_created', '<=', q.timeCreatedMax);
    range('time_updated', '>=', q.timeUpdatedMin);
    range('time_updated', '<=', q.timeUpdatedMax);
    // The sort column and direction come from a closed union, never from raw input.
    const order = `${q.sort.field} ${q.sort.dir === 'asc' ? 'ASC' : 'DESC'}, folder_id`;
    const rows = await this.all(
      `SELECT * FROM folders WHERE ${where.join(' AND ')} ORDER BY ${order}`,
      params,
    );
    // Metadata filters run in JS so both stores compare values by the same text form (metaFilter.ts).
    const filtered = rows.map(read.folder).filter((f) => matchesAllMeta(f.meta_data, q.meta));
    return filtered.slice(q.offset, q.offset + q.limit);
  }

  async insertMedia(m: MediaRecord): Promise<void> {
    await this.run(
      `INSERT INTO media (media_id, folder_id, company_id, media_type, original_name, tags, meta_data, info,
         blob_key, time_created, time_updated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
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
      ],
    );
  }

  async getMedia(id: string): Promise<MediaRecord | null> {
    const r = await this.one('SELECT * FROM media WHERE media_id = $1', [id]);
    return r ? read.media(r) : null;
  }

  async listMedia(folderId: string): Promise<MediaRecord[]> {
    const rows = await this.all('SELECT * FROM media WHERE folder_id = $1 ORDER BY time_created, seq', [
      folderId,
    ]);
    return rows.map(read.media);
  }

  async insertAnalysis(a: AnalysisRecord): Promise<void> {
    await this.run(
      'INSERT INTO analyses (analysis_id, folder_id, time_created, state, body) VALUES ($1, $2, $3, $4, $5)',
      [a.analysis_id, a.folder_id, a.time_created, a.state, JSON.stringify(a)],
    );
  }

  async updateAnalysis(a: AnalysisRecord): Promise<void> {
    await this.run('UPDATE analyses SET body = $1, state = $2 WHERE analysis_id = $3', [
      JSON.stringify(a),
      a.state,
      a.analysis_id,
    ]);
  }

  async getAnalysis(id: string): Promise<AnalysisRecord | null> {
    const r = await this.one('SELECT body FROM analyses WHERE analysis_id = $1', [id]);
    return r ? (r.body as AnalysisRecord) : null;
  }

  async listAnalyses(folderId: string): Promise<AnalysisRecord[]> {
    const rows = await this.all('SELECT body FROM analyses WHERE folder_id = $1 ORDER BY time_created, seq', [
      folderId,
    ]);
    return rows.map((r) => r.body as AnalysisRecord);
  }

  async listUnfinishedAnalyses(): Promise<AnalysisRecord[]> {
    const rows = await this.all(
      "SELECT body FROM analyses WHERE state = 'PROCESSING' ORDER BY time_created, seq",
    );
    return rows.map((r) => r.body as AnalysisRecord);
  }

  async insertCollection(c: CollectionRecord): Promise<void> {
    await this.run('INSERT INTO collections VALUES ($1, $2, $3, $4, $5)', [
      c.collection_id,
      c.company_id,
      c.alias,
      JSON.stringify(c.meta_data),
      c.time_created,
    ]);
  }

  async getCollection(id: string): Promise<CollectionRecord | null> {
    const r = await this.one('SELECT * FROM collections WHERE collection_id = $1', [id]);
    return r ? read.collection(r) : null;
  }

  async listCollections(companyId: string): Promise<CollectionRecord[]> {
    const rows = await this.all(
      'SELECT * FROM collections WHERE company_id = $1 ORDER BY time_created, collection_id',
      [companyId],
    );
    return rows.map(read.collection);
  }

  async insertPerson(p: PersonRecord): Promise<void> {
    await this.run('INSERT INTO persons VALUES ($1, $2, $3, $4)', [
      p.person_id,
      p.collection_id,
      JSON.stringify(p.meta_data),
      p.time_created,
    ]);
  }

  async getPerson(id: string): Promise<PersonRecord | null> {
    const r = await this.one('SELECT * FROM persons WHERE person_id = $1', [id]);
    return r ? read.person(r) : null;
  }

  async deletePerson(id: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM person_photos WHERE person_id = $1', [id]);
      await client.query('DELETE FROM persons WHERE person_id = $1', [id]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async insertPersonPhoto(p: PersonPhotoRecord): Promise<void> {
    await this.run('INSERT INTO person_photos VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      p.photo_id,
      p.person_id,
      p.collection_id,
      p.blob_key,
      Buffer.from(blobFromFloat32(p.embedding)),
      p.model_id,
      p.time_created,
    ]);
  }

  async listPersonPhotos(personId: string): Promise<PersonPhotoRecord[]> {
    const rows = await this.all(
      'SELECT * FROM person_photos WHERE person_id = $1 ORDER BY time_created, photo_id',
      [personId],
    );
    return rows.map(read.photo);
  }

  async listCollectionPhotos(collectionIds: readonly string[]): Promise<PersonPhotoRecord[]> {
    if (collectionIds.length === 0) return [];
    const rows = (
      await this.pool.query('SELECT * FROM person_photos WHERE collection_id = ANY($1::text[])', [
        [...collectionIds],
      ])
    ).rows as Row[];
    return rows.map(read.photo);
  }

  async putSession(s: SessionRecord): Promise<void> {
    await this.run(
      `INSERT INTO sessions VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (session_id) DO UPDATE SET user_id = EXCLUDED.user_id, access_token_id = EXCLUDED.access_token_id,
         expire_token = EXCLUDED.expire_token, access_expires_at = EXCLUDED.access_expires_at,
         expire_token_expires_at = EXCLUDED.expire_token_expires_at, replaces = EXCLUDED.replaces`,
      [
        s.session_id,
        s.user_id,
        s.access_token_id,
        s.expire_token,
        s.access_expires_at,
        s.expire_token_expires_at,
        s.replaces,
      ],
    );
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const r = await this.one('SELECT * FROM sessions WHERE session_id = $1', [id]);
    return r ? read.session(r) : null;
  }

  async getSessionByExpireToken(token: string): Promise<SessionRecord | null> {
    const r = await this.one('SELECT * FROM sessions WHERE expire_token = $1', [token]);
    return r ? read.session(r) : null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.run('DELETE FROM sessions WHERE session_id = $1', [id]);
  }

  /** The pool belongs to the Storage that made this store; it closes it. */
  async close(): Promise<void> {}
}
