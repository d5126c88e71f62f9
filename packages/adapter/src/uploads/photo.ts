import type { UploadResult } from './errors.js';
import { type ValidImage, validateImage } from './image.js';
import type { UploadLimits } from './limits.js';

/**
 * A single document or selfie photo. JPEG and PNG are accepted whatever the client called the
 * file or declared as its type: the bytes decide, and the returned mimeType is the one to forward.
 */
export function validatePhoto(
  data: Buffer,
  limits: UploadLimits,
  label = 'photo',
): Promise<UploadResult<ValidImage>> {
  return validateImage(data, { label, maxBytes: limits.photoBytes, maxPixels: limits.imageMaxPixels });
}
