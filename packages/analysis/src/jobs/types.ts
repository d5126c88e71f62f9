import type { MrzOcr } from '../documents/ocr.js';
import type { AnalysisFailure, Result } from '../domain/errors.js';
import type {
  AnalysisRecord,
  JsonObject,
  MediaRecord,
  Resolution,
  ResultsMediaEntry,
} from '../domain/types.js';
import type { FaceToolkit } from '../models/pool.js';
import type { MetadataStore } from '../storage/types.js';
import type { FaceFrame } from './faces.js';
import type { FrameMemo } from './frameMemo.js';

export interface JobSettings {
  livenessThreshold: number;
  biometryThreshold: number;
  collectionThreshold: number;
  maxFramesPerMedia: number;
  /** Frames of a shots set decoded for the gesture, face-count and identity checks. */
  maxGestureFrames: number;
  /** Cosine similarity below which two frames of one folder are not the same person. */
  identityThreshold: number;
}

/** Faces found per media id, shared by the analyses of one group (decode and detect once). */
export type FaceMemo = Map<string, Promise<Result<FaceFrame[], AnalysisFailure>>>;

/** What a job may use. Reading only: persisting results is the runner's job. */
export interface JobContext {
  engine: FaceToolkit;
  /** OCR for machine-readable zones (documents analysis). */
  ocr: MrzOcr;
  meta: MetadataStore;
  readBytes(media: MediaRecord): Promise<Uint8Array>;
  settings: JobSettings;
  /** When present, `facesOf` reads and fills it. */
  faceMemo?: FaceMemo;
  /** When present, the clip checks and `facesOf` decode and search each frame once between them. */
  frames?: FrameMemo;
}

/** An image a job wants stored as an output (best shot). */
export interface OutputImage {
  sourceMediaId: string;
  name: string;
  bytes: Uint8Array;
  mime: string;
}

export interface JobOutcome {
  resolution: Extract<Resolution, 'SUCCESS' | 'DECLINED' | 'OPERATOR_REQUIRED'>;
  results_media: ResultsMediaEntry[];
  results_data: JsonObject | null;
  confs: JsonObject;
  outputs: OutputImage[];
}

export type JobResult = Result<JobOutcome, AnalysisFailure>;

export type Job = (
  analysis: AnalysisRecord,
  media: readonly MediaRecord[],
  ctx: JobContext,
) => Promise<JobResult>;

/** Legacy per-type media key (analysis-api.md §3.4) next to the current `source_media_id`. */
export function legacyMediaKey(m: MediaRecord): string {
  return m.media_type === 'SHOTS_SET_FOLDER'
    ? 'source_shots_set_id'
    : m.media_type === 'VIDEO_FOLDER'
      ? 'source_video_id'
      : 'source_image_id';
}
