import { z } from 'zod';
import type { JsonObject } from '../domain/types.js';

/** Free-form JSON object (`meta_data` and friends). */
const jsonObject = z.record(z.string(), z.json()) as unknown as z.ZodType<JsonObject>;

/** One analysis request; `type` is accepted in any case and normalised to upper case. */
export const analysisRequestSchema = z.object({
  type: z
    .string()
    .transform((t) => t.toUpperCase())
    .pipe(z.enum(['QUALITY', 'BIOMETRY', 'COLLECTION', 'DOCUMENTS'])),
  source_media: z.array(z.string()).optional(),
  params: jsonObject.optional(),
  meta_data: jsonObject.optional(),
});
export type AnalysisRequest = z.infer<typeof analysisRequestSchema>;

export const launchBodySchema = z.object({ analyses: z.array(analysisRequestSchema).min(1) });

/** The `payload` form field of folder creation (analysis-api.md §2.1). */
export const folderPayloadSchema = z.object({
  'folder:meta_data': jsonObject.optional(),
  'media:meta_data': z.record(z.string(), jsonObject).optional(),
  'media:tags': z.record(z.string(), z.array(z.string())).optional(),
  analyses: z.array(analysisRequestSchema).optional(),
  resolution_endpoint: z.string().optional(),
});
export type FolderPayload = z.infer<typeof folderPayloadSchema>;

export const authBodySchema = z.object({
  credentials: z.object({ email: z.string(), password: z.string() }),
});

export const collectionBodySchema = z.object({
  alias: z.string().optional(),
  meta_data: jsonObject.optional(),
});

export const personPayloadSchema = z.object({
  meta_data: jsonObject.optional(),
  'person:meta_data': jsonObject.optional(),
});

/** zod issues → a compact `details` value for the Oz error body. */
export function issuesOf(e: z.ZodError): { path: string; message: string }[] {
  return e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
