import { randomUUID } from 'node:crypto';
import type { User } from '../auth/users.js';
import { type ApiError, apiError, err, ok, type Result } from '../domain/errors.js';
import { nowSeconds } from '../domain/time.js';
import type { CollectionRecord, JsonObject, PersonPhotoRecord, PersonRecord } from '../domain/types.js';
import { decodeImage } from '../media/decode.js';
import { usableEmbedding } from '../models/align.js';
import { EMBEDDING_MODEL_ID } from '../models/embedder.js';
import type { FaceToolkit } from '../models/pool.js';
import type { Storage } from '../storage/types.js';
import type { UploadedFile } from './uploads.js';

/** Blacklist management: collections of persons, each with one or more enrolled face photos. */
export class CollectionService {
  constructor(
    private readonly storage: Storage,
    private readonly engine: FaceToolkit,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(user: User, alias: string | undefined, meta: JsonObject): Promise<CollectionRecord> {
    const c: CollectionRecord = {
      collection_id: randomUUID(),
      company_id: user.company_id,
      alias: alias ?? '',
      meta_data: meta,
      time_created: nowSeconds(this.clock),
    };
    await this.storage.meta.insertCollection(c);
    return c;
  }

  async get(user: User, id: string): Promise<Result<CollectionRecord, ApiError>> {
    const c = await this.storage.meta.getCollection(id);
    if (!c || c.company_id !== user.company_id)
      return err(apiError('NOT_EXIST', `Collection ${id} not found`));
    return ok(c);
  }

  list(user: User): Promise<CollectionRecord[]> {
    return this.storage.meta.listCollections(user.company_id);
  }

  /** Enrols a person from face photos; every photo must contain a face. */
  async addPerson(
    user: User,
    collectionId: string,
    files: readonly UploadedFile[],
    meta: JsonObject,
  ): Promise<Result<JsonObject, ApiError>> {
    const c = await this.get(user, collectionId);
    if (!c.ok) return c;
    if (files.length === 0)
      return err(apiError('INVALID_STRUCTURE', 'A person needs at least one face photo'));
    const now = nowSeconds(this.clock);
    const person: PersonRecord = {
      person_id: randomUUID(),
      collection_id: collectionId,
      meta_data: meta,
      time_created: now,
    };
    const photos: { record: PersonPhotoRecord; bytes: Uint8Array }[] = [];
    for (const f of files) {
      let face: Awaited<ReturnType<FaceToolkit['mainFace']>>;
      let image: Awaited<ReturnType<typeof decodeImage>>;
      try {
        image = await decodeImage(f.bytes);
        face = await this.engine.mainFace(image);
      } catch {
        return err(apiError('INVALID_VALUE', `File ${f.field} is not a decodable JPEG/PNG image`));
      }
      if (!face) return err(apiError('INVALID_VALUE', `Could not locate face on file ${f.field}`));
      const embedding = await this.engine.embedding(image, face.box);
      if (!usableEmbedding(embedding)) {
        return err(apiError('UNKNOWN', `The face model gave no usable embedding for file ${f.field}`));
      }
      const photoId = randomUUID();
      photos.push({
        bytes: f.bytes,
        record: {
          photo_id: photoId,
          person_id: person.person_id,
          collection_id: collectionId,
          blob_key: `collections/${collectionId}/${photoId}`,
          embedding,
          model_id: EMBEDDING_MODEL_ID,
          time_created: now,
        },
      });
    }
    await this.storage.meta.insertPerson(person);
    for (const p of photos) {
      await this.storage.blobs.put(p.record.blob_key, p.bytes);
      await this.storage.meta.insertPersonPhoto(p.record);
    }
    return ok(
      this.personView(
        person,
        photos.map((p) => p.record),
      ),
    );
  }

  async getPerson(user: User, collectionId: string, personId: string): Promise<Result<JsonObject, ApiError>> {
    const c = await this.get(user, collectionId);
    if (!c.ok) return c;
    const p = await this.storage.meta.getPerson(personId);
    if (!p || p.collection_id !== collectionId)
      return err(apiError('NOT_EXIST', `Person ${personId} not found`));
    return ok(this.personView(p, await this.storage.meta.listPersonPhotos(personId)));
  }

  async deletePerson(user: User, collectionId: string, personId: string): Promise<Result<null, ApiError>> {
    const found = await this.getPerson(user, collectionId, personId);
    if (!found.ok) return found;
    for (const photo of await this.storage.meta.listPersonPhotos(personId))
      await this.storage.blobs.delete(photo.blob_key);
    await this.storage.meta.deletePerson(personId);
    return ok(null);
  }

  collectionView(c: CollectionRecord): JsonObject {
    return {
      collection_id: c.collection_id,
      company_id: c.company_id,
      alias: c.alias,
      meta_data: c.meta_data,
      time_created: c.time_created,
    };
  }

  private personView(p: PersonRecord, photos: readonly PersonPhotoRecord[]): JsonObject {
    return {
      person_id: p.person_id,
      collection_id: p.collection_id,
      meta_data: p.meta_data,
      time_created: p.time_created,
      photos: photos.map((x) => ({
        photo_id: x.photo_id,
        model_id: x.model_id,
        time_created: x.time_created,
      })),
    };
  }
}
