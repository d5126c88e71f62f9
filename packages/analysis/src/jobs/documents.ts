import { checkFields, DEFAULT_FIELDS_TO_CHECK, readingJson } from '../documents/fields.js';
import { type DocumentReading, readDocument } from '../documents/read.js';
import { ANALYSIS_ERRORS, analysisFailure, err, ok } from '../domain/errors.js';
import type { JsonObject, JsonValue, MediaRecord, ResultsMediaEntry } from '../domain/types.js';
import { type Job, legacyMediaKey } from './types.js';

const round = (v: number): number => Math.round(v * 1e4) / 1e4;

/** `fields_to_check` (analysis-api.md §3.1): default all check-digit fields; else a list of names. */
function fieldsToCheck(params: JsonObject): readonly string[] | string {
  const v: JsonValue | undefined = params.fields_to_check;
  if (v === undefined || v === null) return DEFAULT_FIELDS_TO_CHECK;
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v as string[];
  return 'fields_to_check must be a non-empty array of MRZ field names';
}

const isIdPhoto = (m: MediaRecord): boolean =>
  m.tags.includes('photo_id_front') || m.tags.includes('photo_id_back') || m.tags.includes('photo_id');

/**
 * Documents: reads the machine-readable zone of every identity-document photo (front and back,
 * whichever carries it) with OCR, parses TD1/TD2/TD3 and verifies the check digits. SUCCESS when
 * a zone was read and every checked field is valid, DECLINED when a checked field fails, and the
 * Oz "no document candidates" failure when no photo shows a readable zone. Selfie photos are
 * listed but not read; the face on the document is compared with the selfie by biometry.
 */
export const runDocuments: Job = async (analysis, media, ctx) => {
  const wanted = fieldsToCheck(analysis.params);
  if (typeof wanted === 'string') return err(analysisFailure(ANALYSIS_ERRORS.INVALID_PARAMS, wanted));
  const resultsMedia: ResultsMediaEntry[] = [];
  const readings: { media: MediaRecord; reading: DocumentReading }[] = [];
  for (const m of media) {
    const entry: ResultsMediaEntry = {
      source_media_id: m.media_id,
      media_association_id: m.media_id,
      [legacyMediaKey(m)]: m.media_id,
      results_data: {},
      output_images: [],
    };
    resultsMedia.push(entry);
    if (!isIdPhoto(m) || m.media_type !== 'IMAGE_FOLDER') {
      entry.results_data = { document_read: false, reason: 'not an identity-document photo' };
      continue;
    }
    let reading: DocumentReading;
    try {
      reading = await readDocument(await ctx.readBytes(m), ctx.ocr, wanted);
    } catch (e) {
      return err(
        analysisFailure(
          ANALYSIS_ERRORS.UNSUPPORTED_MEDIA,
          `Cannot decode media ${m.media_id}: ${(e as Error).message}`,
        ),
      );
    }
    readings.push({ media: m, reading });
    const check = reading.mrz ? checkFields(reading.mrz, wanted) : null;
    entry.results_data = {
      document_read: reading.mrz !== null,
      resolution: check ? (check.failed.length ? 'DECLINED' : 'SUCCESS') : 'DECLINED',
      confidence: round(reading.confidence),
      mrz: reading.mrz ? readingJson(reading.mrz) : null,
      failed_fields: check?.failed ?? [],
      mrz_region: reading.region,
      mrz_angle: reading.angle,
      image_width: reading.width,
      image_height: reading.height,
      locate_ms: reading.locateMs,
      ocr_ms: reading.ocrMs,
      ocr_attempts: reading.attempts,
    };
  }
  const read = readings.filter((r) => r.reading.mrz !== null);
  if (read.length === 0) {
    return err(
      analysisFailure(
        ANALYSIS_ERRORS.NO_DOCUMENT,
        'Processing error - did not found any document candidates on image',
      ),
    );
  }
  // The document's fields: the first zone whose checked fields all pass, else the first read.
  const pick =
    read.find((r) => r.reading.mrz && checkFields(r.reading.mrz, wanted).failed.length === 0) ??
    (read[0] as (typeof read)[number]);
  const mrz = pick.reading.mrz;
  if (!mrz) throw new Error('unreachable: picked a reading without MRZ');
  const failed = checkFields(mrz, wanted).failed;
  return ok({
    resolution: failed.length ? 'DECLINED' : 'SUCCESS',
    results_media: resultsMedia,
    results_data: {
      source_media_id: pick.media.media_id,
      confidence: round(pick.reading.confidence),
      ...readingJson(mrz),
      failed_fields: failed,
    },
    confs: {
      fields_to_check: [...wanted],
      ocr: 'tesseract.js (legacy engine, eng traineddata)',
      mrz_parser: 'mrz',
    },
    outputs: [],
  });
};
