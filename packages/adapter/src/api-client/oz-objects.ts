import { z } from 'zod';

/*
 * The parts of Oz API objects the adapter reads (analysis-api.md §3.3–3.4). Schemas are loose on
 * purpose: the API adds fields between versions and `result_mode: full` must pass them through
 * untouched, so only the fields we act on are typed, and only as strictly as we need.
 */

export const OZ_STATUSES = [
  'INITIAL',
  'PROCESSING',
  'FAILED',
  'FINISHED',
  'DECLINED',
  'OPERATOR_REQUIRED',
  'SUCCESS',
] as const;
export type OzStatus = (typeof OZ_STATUSES)[number];

export const ozAnalysisSchema = z.looseObject({
  analysis_id: z.string().optional(),
  /** Deprecated alias (6.0.1) still sent by older servers. */
  analyse_id: z.string().optional(),
  type: z.string().min(1),
  state: z.string().optional(),
  resolution_status: z.string().nullish(),
  resolution: z.string().nullish(),
  group_id: z.string().optional(),
  source_media: z.unknown().optional(),
});
export type OzAnalysis = z.output<typeof ozAnalysisSchema>;

export const ozMediaSchema = z.looseObject({
  media_id: z.string().optional(),
  original_name: z.string().optional(),
  tags: z.array(z.string()).optional(),
});
export type OzMedia = z.output<typeof ozMediaSchema>;

export const ozFolderSchema = z.looseObject({
  folder_id: z.string().min(1),
  resolution_status: z.string().nullish(),
  system_resolution: z.string().nullish(),
  media: z.array(ozMediaSchema).optional(),
  analyses: z.array(ozAnalysisSchema).optional(),
});
export type OzFolder = z.output<typeof ozFolderSchema>;

/** Body of POST /api/authorize/auth and /refresh/: only the two tokens matter. */
export const ozAuthSchema = z.looseObject({
  access_token: z.string().min(1),
  expire_token: z.string().min(1).optional(),
  expire_date: z.number().optional(),
});
export type OzAuth = z.output<typeof ozAuthSchema>;

/** The API's error body (§7). */
export const ozErrorBodySchema = z.looseObject({
  error_code: z.number().optional(),
  error_message: z.string().optional(),
});

/** Analyses launch answers with a list (or an object holding one); we only need the ids. */
export const ozLaunchResponseSchema = z.union([
  z.array(ozAnalysisSchema),
  z.looseObject({ analyses: z.array(ozAnalysisSchema) }).transform((o) => o.analyses),
]);
