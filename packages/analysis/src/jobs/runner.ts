import { createHash } from 'node:crypto';
import type { MrzOcr } from '../documents/ocr.js';
import { ANALYSIS_ERRORS } from '../domain/errors.js';
import { folderView } from '../domain/serialize.js';
import { selectMedia } from '../domain/tags.js';
import { nowSeconds } from '../domain/time.js';
import type { AnalysisRecord, AnalysisType, MediaRecord } from '../domain/types.js';
import type { Logger } from '../logger.js';
import type { FaceToolkit } from '../models/pool.js';
import type { Storage } from '../storage/types.js';
import { runBiometry } from './biometry.js';
import { runCollection } from './collection.js';
import { runDocuments } from './documents.js';
import { FrameMemo } from './frameMemo.js';
import { runQuality } from './quality.js';
import type { AnalysisQueue } from './queue.js';
import type { FaceMemo, Job, JobContext, JobResult, JobSettings, OutputImage } from './types.js';
import { deliverWebhook, type WebhookOptions } from './webhook.js';

const JOBS: Record<AnalysisType, Job | null> = {
  QUALITY: runQuality,
  BIOMETRY: runBiometry,
  COLLECTION: runCollection,
  DOCUMENTS: runDocuments,
};

export interface RunnerDeps {
  storage: Storage;
  engine: FaceToolkit;
  ocr: MrzOcr;
  settings: JobSettings;
  webhook: WebhookOptions;
  baseUrl: string;
  logger: Logger;
  clock?: () => number;
  /** Groups analysed at once. Default 1. */
  concurrency?: number;
  /**
   * Instant API: output images travel inline as `image_b64` (analysis-api.md §3.4), because nothing
   * the answer could point to outlives the request.
   */
  inlineOutputs?: boolean;
}

/**
 * Runs analysis groups on this process, up to `concurrency` at once (sized to the cores: each
 * group's inference runs on ONNX Runtime's threads and decoding on libuv's, so a second group uses
 * the second core while the first waits). Groups of one folder still run in the order they came.
 * A later issue can swap this for a shared queue.
 */
export class AnalysisRunner implements AnalysisQueue {
  private readonly running = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  /** The last queued group of each folder, so a folder's groups run one after another. */
  private readonly folderTails = new Map<string, Promise<void>>();
  private readonly pendingWebhooks = new Set<Promise<void>>();
  private readonly clock: () => number;
  private readonly concurrency: number;

  constructor(private readonly deps: RunnerDeps) {
    this.clock = deps.clock ?? Date.now;
    this.concurrency = Math.max(1, Math.trunc(deps.concurrency ?? 1));
  }

  /** Queues a group; the returned promise settles when the group is finished (never rejects). */
  enqueue(folderId: string, group: readonly AnalysisRecord[]): Promise<void> {
    const before = this.folderTails.get(folderId) ?? Promise.resolve();
    const run = before
      .then(() => this.withSlot(() => this.runGroup(folderId, group)))
      .catch((e: unknown) => {
        this.deps.logger.error({ folder_id: folderId, err: (e as Error).message }, 'analysis group crashed');
      });
    this.folderTails.set(folderId, run);
    this.running.add(run);
    void run.then(() => {
      this.running.delete(run);
      if (this.folderTails.get(folderId) === run) this.folderTails.delete(folderId);
    });
    return run;
  }

  private async withSlot(task: () => Promise<void>): Promise<void> {
    if (this.active >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /**
   * Re-queues analyses a restart interrupted (still `PROCESSING` in storage), group by group. Jobs
   * recompute from the stored media, so running one again is safe. Returns how many were queued.
   */
  async resumeInterrupted(): Promise<number> {
    const unfinished = await this.deps.storage.meta.listUnfinishedAnalyses();
    const groups = new Map<string, AnalysisRecord[]>();
    for (const a of unfinished) {
      const key = `${a.folder_id}/${a.group_id}`;
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    for (const group of groups.values()) void this.enqueue((group[0] as AnalysisRecord).folder_id, group);
    if (unfinished.length)
      this.deps.logger.info({ analyses: unfinished.length }, 'resuming interrupted analyses');
    return unfinished.length;
  }

  /** Resolves once the queue is empty and every webhook delivery has ended. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
    await Promise.all([...this.pendingWebhooks]);
  }

  async close(): Promise<void> {
    await this.idle();
  }

  /**
   * Runs a group taken from a shared queue, now, on this process. A retry after a crash may find
   * some analyses already finished by the earlier attempt: those are left as they are (idempotent).
   * Throws when storage fails, so the queue tries the job again.
   */
  async runTaken(folderId: string, analysisIds: readonly string[]): Promise<void> {
    const group: AnalysisRecord[] = [];
    for (const id of analysisIds) {
      const a = await this.deps.storage.meta.getAnalysis(id);
      if (a?.state === 'PROCESSING') group.push(a);
    }
    if (group.length) await this.withSlot(() => this.runGroup(folderId, group));
  }

  private async runGroup(folderId: string, group: readonly AnalysisRecord[]): Promise<void> {
    const { meta } = this.deps.storage;
    // Shared by the group's analyses: each media item is decoded and searched for faces once.
    const faceMemo: FaceMemo = new Map();
    const frames = new FrameMemo();
    for (const a of group) {
      try {
        await this.runOne(a, faceMemo, frames);
      } catch (e) {
        this.deps.logger.error({ analysis_id: a.analysis_id, err: (e as Error).message }, 'analysis crashed');
        const now = nowSeconds(this.clock);
        await meta.updateAnalysis({
          ...a,
          state: 'FAILED',
          resolution_status: 'FAILED',
          error_code: ANALYSIS_ERRORS.INTERNAL,
          error_message: 'Internal analysis error',
          time_updated: now,
          time_task_finished: now,
        });
      }
    }
    await meta.touchFolder(folderId, nowSeconds(this.clock));
    await this.notify(folderId);
  }

  private async runOne(initial: AnalysisRecord, faceMemo: FaceMemo, frames: FrameMemo): Promise<void> {
    const { meta, blobs } = this.deps.storage;
    let a: AnalysisRecord = { ...initial, time_task_received: nowSeconds(this.clock) };
    await meta.updateAnalysis(a);
    const all = await meta.listMedia(a.folder_id);
    const media = a.source_media.length
      ? all.filter((m) => a.source_media.includes(m.media_id))
      : selectMedia(a.type, all);
    const job = JOBS[a.type];
    const ctx: JobContext = {
      engine: this.deps.engine,
      ocr: this.deps.ocr,
      meta,
      readBytes: (m) => blobs.get(m.blob_key),
      settings: this.deps.settings,
      faceMemo,
      frames,
    };
    const result: JobResult = job
      ? await job(a, media, ctx)
      : {
          ok: false,
          error: {
            kind: 'analysis-failure',
            code: ANALYSIS_ERRORS.NOT_IMPLEMENTED,
            message: `${a.type} analysis is not implemented by this service`,
          },
        };
    const now = nowSeconds(this.clock);
    a = { ...a, source_media: media.map((m) => m.media_id), time_updated: now, time_task_finished: now };
    if (!result.ok) {
      a = {
        ...a,
        state: 'FAILED',
        resolution_status: 'FAILED',
        error_code: result.error.code,
        error_message: result.error.message,
      };
    } else {
      const resultsMedia = result.value.results_media;
      for (const out of result.value.outputs) {
        const stored = await this.storeOutput(a, out);
        const entry = resultsMedia.find((r) => r.source_media_id === out.sourceMediaId);
        entry?.output_images.push(
          this.deps.inlineOutputs
            ? {
                media_id: stored.media_id,
                media_type: stored.media_type,
                image_b64: Buffer.from(out.bytes).toString('base64'),
              }
            : {
                media_id: stored.media_id,
                media_type: stored.media_type,
                original_url: `${this.deps.baseUrl}/api/media/${stored.media_id}/file`,
              },
        );
      }
      a = {
        ...a,
        state: 'FINISHED',
        resolution_status: result.value.resolution,
        results_data: result.value.results_data,
        results_media: resultsMedia,
        confs: result.value.confs,
      };
    }
    await meta.updateAnalysis(a);
    this.deps.logger.info(
      {
        analysis_id: a.analysis_id,
        type: a.type,
        state: a.state,
        resolution: a.resolution_status,
        ms: Math.round((now - (a.time_task_received ?? now)) * 1000),
      },
      'analysis finished',
    );
  }

  private async storeOutput(a: AnalysisRecord, out: OutputImage): Promise<MediaRecord> {
    // Named by what it is the output of, so running the analysis again finds it instead of adding one.
    const mediaId = outputMediaId(a.analysis_id, out);
    const existing = await this.deps.storage.meta.getMedia(mediaId);
    if (existing) return existing;
    const now = nowSeconds(this.clock);
    const record: MediaRecord = {
      media_id: mediaId,
      folder_id: a.folder_id,
      company_id: a.company_id,
      media_type: 'IMAGE_RESULT_ANALYSIS_SINGLE',
      original_name: out.name,
      tags: [],
      meta_data: { source_media_id: out.sourceMediaId, analysis_id: a.analysis_id },
      info: {
        mime: out.mime,
        size: out.bytes.byteLength,
        md5: createHash('md5').update(out.bytes).digest('hex'),
        width: null,
        height: null,
        frames: null,
      },
      blob_key: `${a.folder_id}/${mediaId}`,
      time_created: now,
      time_updated: now,
    };
    await this.deps.storage.blobs.put(record.blob_key, out.bytes);
    try {
      await this.deps.storage.meta.insertMedia(record);
    } catch (err) {
      // Another attempt at the same analysis (an expired job still running) stored it first.
      const stored = await this.deps.storage.meta.getMedia(mediaId);
      if (stored) return stored;
      throw err;
    }
    return record;
  }

  private async notify(folderId: string): Promise<void> {
    const { meta } = this.deps.storage;
    const folder = await meta.getFolder(folderId);
    if (!folder?.resolution_endpoint) return;
    const body = folderView(folder, await meta.listMedia(folderId), await meta.listAnalyses(folderId), {
      baseUrl: this.deps.baseUrl,
      withAnalyses: true,
    });
    const url = folder.resolution_endpoint;
    const delivery = deliverWebhook(url, body, this.deps.webhook).then((outcome) => {
      this.deps.logger[outcome.delivered ? 'info' : 'warn'](
        { folder_id: folderId, url, ...outcome },
        'webhook',
      );
    });
    // Delivery must not hold up the next group, but close() waits for it.
    this.pendingWebhooks.add(delivery);
    void delivery.finally(() => this.pendingWebhooks.delete(delivery));
  }
}

/** A UUID-shaped id derived from the analysis and the output (same inputs, same id). */
export function outputMediaId(analysisId: string, out: Pick<OutputImage, 'sourceMediaId' | 'name'>): string {
  const h = createHash('sha256').update(`${analysisId}\n${out.sourceMediaId}\n${out.name}`).digest('hex');
  // Version nibble 8 (custom, RFC 9562) and the RFC variant bits, so it reads as a valid UUID.
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
