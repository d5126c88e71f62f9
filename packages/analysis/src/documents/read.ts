import sharp, { type Sharp } from 'sharp';
import { checkFields, DEFAULT_FIELDS_TO_CHECK, type MrzReading, readMrzText, validCount } from './fields.js';
import { type GreyImage, locateMrz, type MrzCandidate } from './locate.js';
import type { MrzOcr } from './ocr.js';

/** Width of the copy the zone is searched on: small enough to be quick, big enough for 2–3 lines. */
const SEARCH_WIDTH = 800;
/** The zone is OCR'd at these widths, in order, until every field is valid. */
const OCR_WIDTHS = [1400, 1000] as const;

export interface DocumentReading {
  /** Null when no machine-readable zone was found or it could not be read. */
  mrz: MrzReading | null;
  /** Where the zone was found, in pixels of the upright source image. */
  region: { x: number; y: number; width: number; height: number } | null;
  /** Tilt of the zone's lines that was corrected before OCR, degrees. */
  angle: number;
  /** Tesseract confidence of the kept attempt, 0–1. */
  confidence: number;
  /** Source image size after EXIF rotation. */
  width: number;
  height: number;
  /** Timings, ms: locating the zone, and all OCR attempts together. */
  locateMs: number;
  ocrMs: number;
  attempts: number;
}

async function greyCopy(img: Sharp, width: number): Promise<GreyImage> {
  const { data, info } = await img
    .clone()
    .resize({ width, withoutEnlargement: false })
    // A 1-channel raw input comes out as sRGB unless asked again.
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}

/** Upright greyscale at full size, rotated by `-angle` degrees when the zone is tilted. */
async function upright(
  bytes: Uint8Array,
  angle: number,
): Promise<{ img: Sharp; width: number; height: number }> {
  let s = sharp(bytes, { failOn: 'error' }).rotate().greyscale();
  if (angle !== 0) {
    const flat = await s.raw().toBuffer({ resolveWithObject: true });
    s = sharp(flat.data, { raw: flat.info }).rotate(-angle, { background: '#ffffff' }).greyscale();
  }
  const { data, info } = await s.raw().toBuffer({ resolveWithObject: true });
  return { img: sharp(data, { raw: info }), width: info.width, height: info.height };
}

/**
 * Reads the machine-readable zone of a document photo: locate the zone on a small copy (trying
 * a few tilts), straighten the image if the lines are tilted, crop the zone at full resolution,
 * then OCR it with the MRZ alphabet, at a second scale when the first reading fails one of
 * `fieldsToCheck`.
 */
export async function readDocument(
  bytes: Uint8Array,
  ocr: MrzOcr,
  fieldsToCheck: readonly string[] = DEFAULT_FIELDS_TO_CHECK,
): Promise<DocumentReading> {
  const t0 = performance.now();
  const base = await upright(bytes, 0);
  let found: MrzCandidate | null = locateMrz(await greyCopy(base.img, SEARCH_WIDTH));
  const tilt = found?.angle ?? 0;
  let image = base;
  if (found && tilt !== 0) {
    image = await upright(bytes, tilt);
    found = locateMrz(await greyCopy(image.img, SEARCH_WIDTH), { angles: [0, -1, 1] });
  }
  const locateMs = Math.round(performance.now() - t0);
  const empty: DocumentReading = {
    mrz: null,
    region: null,
    angle: tilt,
    confidence: 0,
    width: base.width,
    height: base.height,
    locateMs,
    ocrMs: 0,
    attempts: 0,
  };
  if (!found) return empty;
  const scale = image.width / SEARCH_WIDTH;
  const r = found.region;
  const region = {
    x: Math.max(0, Math.floor(r.x * scale)),
    y: Math.max(0, Math.floor(r.y * scale)),
    width: 0,
    height: 0,
  };
  region.width = Math.min(image.width - region.x, Math.ceil(r.width * scale));
  region.height = Math.min(image.height - region.y, Math.ceil(r.height * scale));
  let best: { mrz: MrzReading; confidence: number } | null = null;
  let ocrMs = 0;
  let attempts = 0;
  for (const width of OCR_WIDTHS) {
    const png = await image.img
      .clone()
      .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
      .resize({ width })
      .greyscale()
      .normalise()
      .png()
      .toBuffer();
    const text = await ocr.recognize(png);
    ocrMs += text.ms;
    attempts++;
    const mrz = readMrzText(text.text);
    if (mrz && (!best || validCount(mrz) > validCount(best.mrz)))
      best = { mrz, confidence: text.confidence / 100 };
    if (best && checkFields(best.mrz, fieldsToCheck).failed.length === 0) break;
  }
  return {
    ...empty,
    mrz: best?.mrz ?? null,
    region,
    confidence: best?.confidence ?? 0,
    ocrMs,
    attempts,
  };
}
