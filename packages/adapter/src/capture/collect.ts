import type { MediaUpload } from '../api-client/index.js';
import {
  accept,
  type ParsedMultipart,
  reject,
  type UploadLimits,
  type UploadResult,
  validatePhoto,
  validateShotSet,
} from '../uploads/index.js';
import type { UploadManifest } from './upload-manifest.js';

/**
 * Turns a parsed multipart upload into validated media for the API: every listed field present,
 * no file unlisted, every action one this session asked for, every part valid (shot-set ZIPs in
 * full, photos by decoding). The first problem wins; nothing half-validated goes on.
 */
export async function collectMedia(
  form: ParsedMultipart,
  manifest: UploadManifest,
  sessionActions: readonly string[],
  limits: UploadLimits,
  /** A random challenge: the video actions uploaded must be exactly these, in this order. */
  challenge?: readonly string[],
): Promise<UploadResult<MediaUpload[]>> {
  if (challenge !== undefined) {
    const uploaded = manifest.media.filter((m) => m.kind === 'shots_set').map((m) => m.action);
    const wanted = challenge.filter((a) => a.startsWith('video_selfie_'));
    if (uploaded.length !== wanted.length || uploaded.some((a, i) => a !== wanted[i])) {
      return reject(
        'upload_challenge_mismatch',
        `this session's challenge is ${wanted.join(', ')}; the upload carries ${uploaded.join(', ') || 'no clip'}`,
      );
    }
  }
  const byField = new Map(form.files.map((f) => [f.field, f]));
  const listed = new Set(manifest.media.map((m) => m.field));
  const stray = form.files.find((f) => !listed.has(f.field));
  if (stray !== undefined)
    return reject('upload_unexpected_field', `file ${stray.field} not in the manifest`);
  const extraField = Object.keys(form.fields).find((name) => name !== 'manifest');
  if (extraField !== undefined) return reject('upload_unexpected_field', `text field ${extraField}`);

  const media: MediaUpload[] = [];
  for (const item of manifest.media) {
    if (!sessionActions.includes(item.action)) {
      return reject('upload_unexpected_field', `${item.field}: action ${item.action} not in this session`);
    }
    const file = byField.get(item.field);
    if (file === undefined) return reject('upload_missing_field', `${item.field} listed but not sent`);
    if (item.kind === 'shots_set') {
      const set = await validateShotSet(file.data, limits, { expectedAction: item.action });
      if (!set.ok) return set;
      const m = set.value.manifest;
      media.push({
        action: item.action,
        data: file.data,
        mimeType: 'application/zip',
        orientation: m.orientation ?? 'portrait',
        ...(m.additional_info !== undefined ? { additionalInfo: m.additional_info } : {}),
      });
    } else {
      const photo = await validatePhoto(file.data, limits, item.field);
      if (!photo.ok) return photo;
      media.push({ action: item.action, data: file.data, mimeType: photo.value.mimeType });
    }
  }
  return accept(media);
}
