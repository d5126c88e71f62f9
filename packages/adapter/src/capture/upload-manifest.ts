import { z } from 'zod';
import { accept, reject, type UploadResult } from '../uploads/index.js';

/**
 * The `manifest` field of a capture upload (docs/protocol.md §2): which form field holds which
 * action, plus the page's meta and params. Strict where the adapter acts on a value; `meta` values
 * may be numbers or booleans and become strings, as folder:meta_data holds strings.
 */
const metaValue = z.union([z.string().max(1024), z.number(), z.boolean()]).transform(String);

export const uploadManifestSchema = z.looseObject({
  version: z.literal(1),
  media: z
    .array(
      z.strictObject({
        field: z.string().regex(/^(video|photo)[1-9][0-9]?$/),
        action: z.string().regex(/^(video_selfie|photo)_[a-z0-9_]+$/),
        kind: z.enum(['shots_set', 'photo']),
      }),
    )
    .min(1)
    .max(20),
  meta: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), metaValue).optional(),
  params: z.looseObject({ extract_best_shot: z.boolean().optional() }).optional(),
});

export type UploadManifest = z.output<typeof uploadManifestSchema>;

export function parseUploadManifest(text: string | undefined): UploadResult<UploadManifest> {
  if (text === undefined) return reject('upload_missing_field', 'manifest field missing');
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return reject('upload_bad_manifest', 'manifest field: not JSON');
  }
  const parsed = uploadManifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return reject(
      'upload_bad_manifest',
      `manifest: ${first?.path.join('.') || '(root)'} ${first?.message ?? ''}`,
    );
  }
  const fields = parsed.data.media.map((m) => m.field);
  if (new Set(fields).size !== fields.length)
    return reject('upload_bad_manifest', 'manifest: a field is listed twice');
  for (const m of parsed.data.media) {
    const videoAction = m.action.startsWith('video_selfie_');
    if (videoAction !== (m.kind === 'shots_set') || videoAction !== m.field.startsWith('video')) {
      return reject('upload_bad_manifest', `manifest: ${m.field} pairs ${m.kind} with ${m.action}`);
    }
  }
  return accept(parsed.data);
}
