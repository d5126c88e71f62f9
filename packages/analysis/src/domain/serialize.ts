import { folderStatus } from './status.js';
import type { AnalysisRecord, FolderRecord, JsonObject, JsonValue, MediaRecord } from './types.js';

/** Where media bytes can be fetched (authenticated); relative when no public URL is configured. */
export function mediaFileUrl(baseUrl: string, mediaId: string): string {
  return `${baseUrl}/api/media/${mediaId}/file`;
}

/** Media object as Oz returns it, with the deprecated id aliases some clients still read. */
export function mediaView(m: MediaRecord, baseUrl: string): JsonObject {
  const url = mediaFileUrl(baseUrl, m.media_id);
  const isImage = m.media_type === 'IMAGE_FOLDER' || m.media_type === 'IMAGE_RESULT_ANALYSIS_SINGLE';
  const details: JsonObject = {
    md5: m.info.md5,
    size: m.info.size,
    'mime-type': m.info.mime,
    width: m.info.width,
    height: m.info.height,
  };
  const alias: JsonObject =
    m.media_type === 'SHOTS_SET_FOLDER'
      ? { shots_set_id: m.media_id }
      : m.media_type === 'VIDEO_FOLDER'
        ? { video_id: m.media_id }
        : { image_id: m.media_id };
  return {
    media_id: m.media_id,
    ...alias,
    folder_id: m.folder_id,
    company_id: m.company_id,
    media_type: m.media_type,
    original_name: m.original_name,
    original_url: url,
    thumb_url: isImage ? url : null,
    video_url: null,
    tags: m.tags,
    info: isImage ? { original: details } : { video: { ...details, frames: m.info.frames } },
    meta_data: m.meta_data,
    technical_meta_data: {},
    time_created: m.time_created,
    time_updated: m.time_updated,
  };
}

export function analysisView(a: AnalysisRecord): JsonObject {
  return {
    analysis_id: a.analysis_id,
    analyse_id: a.analysis_id,
    folder_id: a.folder_id,
    company_id: a.company_id,
    group_id: a.group_id,
    type: a.type,
    state: a.state,
    resolution_status: a.resolution_status,
    resolution: a.resolution_status,
    resolution_operator: null,
    results_data: a.results_data,
    results_media: a.results_media as unknown as JsonValue,
    source_media: a.source_media,
    confs: a.confs,
    params: a.params,
    meta_data: a.meta_data,
    technical_meta_data: {},
    error_code: a.error_code,
    error_message: a.error_message,
    time_created: a.time_created,
    time_updated: a.time_updated,
    time_task_send_to_broker: a.time_task_send_to_broker,
    time_task_received: a.time_task_received,
    time_task_finished: a.time_task_finished,
  };
}

export interface FolderViewOptions {
  baseUrl: string;
  withAnalyses: boolean;
}

export function folderView(
  f: FolderRecord,
  media: readonly MediaRecord[],
  analyses: readonly AnalysisRecord[],
  opts: FolderViewOptions,
): JsonObject {
  const status = folderStatus(analyses);
  return {
    folder_id: f.folder_id,
    company_id: f.company_id,
    user_id: f.user_id,
    time_created: f.time_created,
    time_updated: f.time_updated,
    resolution_endpoint: f.resolution_endpoint,
    resolution_status: status.resolution_status,
    system_resolution: status.system_resolution,
    resolution_time: status.resolution_time,
    resolution_comment: null,
    resolution_author_id: null,
    resolution_state_hash: null,
    operator_comment: null,
    operator_status: null,
    is_cleared: false,
    meta_data: f.meta_data,
    technical_meta_data: {},
    media: media.map((m) => mediaView(m, opts.baseUrl)),
    ...(opts.withAnalyses ? { analyses: analyses.map(analysisView) } : {}),
  };
}
