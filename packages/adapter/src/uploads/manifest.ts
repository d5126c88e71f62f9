import { z } from 'zod';
import { accept, reject, type UploadResult } from './errors.js';

/*
 * manifest.json inside a shot-set ZIP. This is the adapter's side of the plugin↔adapter contract
 * (the spec leaves the wire protocol undocumented): the fields the adapter relies on are checked
 * strictly; any further fields the packer adds (per-frame boxes, timestamps, evidence) are kept
 * as they are, because the size of the whole manifest is capped before it is parsed.
 */
export const MANIFEST_NAME = 'manifest.json';

const frameRef = z.union([
  z.string().min(1),
  z.looseObject({ name: z.string().min(1) }).transform((f) => f.name),
]);

export const shotManifestSchema = z.looseObject({
  version: z.literal(1),
  action: z.string().regex(/^video_selfie_[a-z0-9_]+$/),
  orientation: z.enum(['portrait', 'landscape']).optional(),
  frames: z.array(frameRef).min(1),
  best_frame: z.string().min(1).optional(),
  additional_info: z.string().optional(),
});

export type ShotManifest = z.output<typeof shotManifestSchema>;

export function parseManifest(data: Buffer): UploadResult<ShotManifest> {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8')) as unknown;
  } catch {
    return reject('upload_bad_manifest', `${MANIFEST_NAME}: not JSON`);
  }
  const parsed = shotManifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return reject(
      'upload_bad_manifest',
      `${MANIFEST_NAME}: ${first?.path.join('.') || '(root)'} ${first?.message ?? ''}`,
    );
  }
  const manifest = parsed.data;
  if (new Set(manifest.frames).size !== manifest.frames.length) {
    return reject('upload_bad_manifest', `${MANIFEST_NAME}: a frame is listed twice`);
  }
  if (manifest.best_frame !== undefined && !manifest.frames.includes(manifest.best_frame)) {
    return reject('upload_bad_manifest', `${MANIFEST_NAME}: best_frame is not one of the frames`);
  }
  return accept(manifest);
}
