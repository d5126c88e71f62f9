import { createHash, randomUUID } from 'node:crypto';
import { type ApiError, apiError, err, ok, type Result } from '../domain/errors.js';
import type { JsonObject, MediaRecord } from '../domain/types.js';
import { classifyUpload } from '../media/classify.js';
import { DEFAULT_ZIP_CAPS, zipCapViolation } from '../media/zipLimits.js';

/** One multipart file, independent of multer's type. */
export interface UploadedFile {
  field: string;
  originalName: string;
  mime: string;
  bytes: Uint8Array;
}

export interface MediaDraft {
  record: MediaRecord;
  bytes: Uint8Array;
}

/**
 * Turns uploaded files into media records: sniffs the type, attaches tags and meta_data by file
 * key (the form field name). Rejects the whole request on an unsupported file so a folder never
 * ends up half-populated.
 */
export function draftMedia(
  files: readonly UploadedFile[],
  folder: { folder_id: string; company_id: string },
  tags: Record<string, string[]>,
  meta: Record<string, JsonObject>,
  now: number,
): Result<MediaDraft[], ApiError> {
  const drafts: MediaDraft[] = [];
  for (const f of files) {
    const kind = classifyUpload(f.bytes, f.mime);
    if (!kind) {
      return err(
        apiError('INVALID_VALUE', `Unsupported media type for file key ${f.field}`, { file_key: f.field }),
      );
    }
    // Same caps as the adapter, at the door: a zip bomb is refused before it is stored.
    const zipProblem = kind.type === 'SHOTS_SET_FOLDER' ? zipCapViolation(f.bytes, DEFAULT_ZIP_CAPS) : null;
    if (zipProblem) {
      return err(
        apiError('INVALID_VALUE', `Shots set ${f.field} refused: ${zipProblem}`, { file_key: f.field }),
      );
    }
    const mediaId = randomUUID();
    drafts.push({
      bytes: f.bytes,
      record: {
        media_id: mediaId,
        folder_id: folder.folder_id,
        company_id: folder.company_id,
        media_type: kind.type,
        original_name: f.originalName || f.field,
        tags: tags[f.field] ?? [],
        meta_data: meta[f.field] ?? {},
        info: {
          mime: kind.mime,
          size: f.bytes.byteLength,
          md5: createHash('md5').update(f.bytes).digest('hex'),
          width: null,
          height: null,
          frames: null,
        },
        blob_key: `${folder.folder_id}/${mediaId}`,
        time_created: now,
        time_updated: now,
      },
    });
  }
  return ok(drafts);
}
