import { randomUUID } from 'node:crypto';
import type { User } from '../auth/users.js';
import { type ApiError, apiError, err, ok, type Result } from '../domain/errors.js';
import { folderView } from '../domain/serialize.js';
import { nowSeconds } from '../domain/time.js';
import type { AnalysisRecord, FolderRecord, JsonObject, MediaRecord } from '../domain/types.js';
import type { AnalysisQueue } from '../jobs/queue.js';
import { isWebhookUrl } from '../jobs/webhook.js';
import type { FolderQuery, Storage } from '../storage/types.js';
import type { AnalysisRequest, FolderPayload } from './schemas.js';
import { draftMedia, type MediaDraft, type UploadedFile } from './uploads.js';

export interface FolderServiceDeps {
  storage: Storage;
  runner: AnalysisQueue;
  baseUrl: string;
  clock?: () => number;
}

/** Use cases behind the folder/analysis routes, free of HTTP types. */
export class FolderService {
  private readonly clock: () => number;

  constructor(private readonly deps: FolderServiceDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  private get meta() {
    return this.deps.storage.meta;
  }

  /** A folder visible to `user` (same company), or NOT_EXIST. */
  async folderFor(user: User, folderId: string): Promise<Result<FolderRecord, ApiError>> {
    const f = await this.meta.getFolder(folderId);
    if (!f || f.company_id !== user.company_id)
      return err(apiError('NOT_EXIST', `Folder ${folderId} not found`));
    return ok(f);
  }

  async view(f: FolderRecord, withAnalyses = true): Promise<JsonObject> {
    return folderView(f, await this.meta.listMedia(f.folder_id), await this.meta.listAnalyses(f.folder_id), {
      baseUrl: this.deps.baseUrl,
      withAnalyses,
    });
  }

  /** Sniffs and hashes the files once; nothing is written yet. */
  private draft(
    folder: FolderRecord,
    files: readonly UploadedFile[],
    payload: FolderPayload,
  ): Result<MediaDraft[], ApiError> {
    return draftMedia(
      files,
      folder,
      payload['media:tags'] ?? {},
      payload['media:meta_data'] ?? {},
      nowSeconds(this.clock),
    );
  }

  private async storeMedia(drafts: readonly MediaDraft[]): Promise<MediaRecord[]> {
    await Promise.all(drafts.map((d) => this.deps.storage.blobs.put(d.record.blob_key, d.bytes)));
    for (const d of drafts) await this.meta.insertMedia(d.record);
    return drafts.map((d) => d.record);
  }

  /**
   * `POST /api/folders/`. With `analyses` in the payload (single-request mode) the analyses run
   * before we answer, and the response carries them finished.
   */
  async create(
    user: User,
    files: readonly UploadedFile[],
    payload: FolderPayload,
  ): Promise<Result<JsonObject, ApiError>> {
    const endpoint = payload.resolution_endpoint ?? null;
    if (endpoint !== null && !isWebhookUrl(endpoint)) {
      return err(apiError('INVALID_VALUE', 'resolution_endpoint must be an http(s) URL'));
    }
    const now = nowSeconds(this.clock);
    const folder: FolderRecord = {
      folder_id: randomUUID(),
      company_id: user.company_id,
      user_id: user.user_id,
      time_created: now,
      time_updated: now,
      resolution_endpoint: endpoint,
      meta_data: payload['folder:meta_data'] ?? {},
    };
    // Validate files before anything is written, so a rejected request leaves no folder behind.
    const drafts = this.draft(folder, files, payload);
    if (!drafts.ok) return drafts;
    await this.meta.insertFolder(folder);
    await this.storeMedia(drafts.value);
    if (payload.analyses?.length) {
      const launched = await this.launch(user, folder, payload.analyses);
      if (!launched.ok) return launched;
      await launched.value.done;
    }
    return ok(await this.view(folder));
  }

  async addMedia(
    user: User,
    folderId: string,
    files: readonly UploadedFile[],
    payload: FolderPayload,
  ): Promise<Result<JsonObject[], ApiError>> {
    const folder = await this.folderFor(user, folderId);
    if (!folder.ok) return folder;
    if (files.length === 0) return err(apiError('INVALID_STRUCTURE', 'No media files in request'));
    const drafts = this.draft(folder.value, files, payload);
    if (!drafts.ok) return drafts;
    await this.storeMedia(drafts.value);
    await this.meta.touchFolder(folderId, nowSeconds(this.clock));
    return ok((await this.view(folder.value, false)).media as JsonObject[]);
  }

  /** Creates the analysis records of one group and queues them. */
  async launch(
    user: User,
    folder: FolderRecord,
    requests: readonly AnalysisRequest[],
  ): Promise<Result<{ analyses: AnalysisRecord[]; done: Promise<void> }, ApiError>> {
    const media = await this.meta.listMedia(folder.folder_id);
    const known = new Set(media.map((m) => m.media_id));
    for (const r of requests) {
      const unknown = (r.source_media ?? []).filter((id) => !known.has(id));
      if (unknown.length)
        return err(
          apiError('NOT_EXIST', `Media not found in folder: ${unknown.join(', ')}`, {
            source_media: unknown,
          }),
        );
    }
    // Tenancy: a blacklist may only search the caller's own collections. An id of another company
    // reads as unknown, so its existence is not revealed.
    const requestedCollections = requests.flatMap((r) => {
      const ids = r.params?.collection_ids;
      return Array.isArray(ids) ? ids : [];
    });
    if (requestedCollections.length) {
      const own = new Set((await this.meta.listCollections(user.company_id)).map((c) => c.collection_id));
      const foreign = requestedCollections.filter((id) => typeof id !== 'string' || !own.has(id));
      if (foreign.length) {
        return err(
          apiError('NOT_EXIST', 'Collection not found', { collection_ids: foreign.map((id) => String(id)) }),
        );
      }
    }
    const now = nowSeconds(this.clock);
    const groupId = randomUUID();
    const records: AnalysisRecord[] = requests.map((r) => ({
      analysis_id: randomUUID(),
      folder_id: folder.folder_id,
      company_id: user.company_id,
      group_id: groupId,
      type: r.type,
      state: 'PROCESSING',
      resolution_status: 'PROCESSING',
      results_data: null,
      results_media: [],
      source_media: r.source_media ?? [],
      params: r.params ?? {},
      confs: {},
      meta_data: r.meta_data ?? {},
      error_code: null,
      error_message: null,
      time_created: now,
      time_updated: now,
      time_task_send_to_broker: now,
      time_task_received: null,
      time_task_finished: null,
    }));
    for (const a of records) await this.meta.insertAnalysis(a);
    await this.meta.touchFolder(folder.folder_id, now);
    return ok({ analyses: records, done: this.deps.runner.enqueue(folder.folder_id, records) });
  }

  async list(q: FolderQuery, withAnalyses: boolean): Promise<JsonObject[]> {
    const folders = await this.meta.listFolders(q);
    return Promise.all(folders.map((f) => this.view(f, withAnalyses)));
  }
}
