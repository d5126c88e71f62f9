import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { decodeImage } from '../../src/media/decode.js';
import type { FaceEngine } from '../../src/models/engine.js';
import { FIXTURES_DIR } from './env.js';

export const documentFixture = (name: string): string => join(FIXTURES_DIR, 'documents', name);

/** Where the portrait sits on the TD3 Utopia specimen (1334x880), measured on the image. */
const PORTRAIT = { left: 126, top: 212, width: 300, height: 400 };

/**
 * A passport page made at test time: the ICAO TD3 Utopia specimen (whose MRZ stays readable) with
 * its portrait replaced by the face of `facePath`, cropped around the face the detector finds.
 */
export async function passportWithFace(engine: FaceEngine, facePath: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(readFileSync(facePath));
  const img = await decodeImage(bytes, 4096);
  const face = await engine.mainFace(img);
  if (!face) throw new Error(`no face in ${facePath}`);
  const { x1, y1, x2, y2 } = face.box;
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  // A passport portrait shows the head and shoulders: about 2x the face box, 3:4.
  const h = Math.min(img.height, (y2 - y1) * 2.1);
  const w = Math.min(img.width, h * 0.75);
  const left = Math.max(0, Math.min(img.width - w, cx - w / 2));
  const top = Math.max(0, Math.min(img.height - h, cy - h * 0.48));
  const portrait = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .extract({ left: Math.round(left), top: Math.round(top), width: Math.round(w), height: Math.round(h) })
    .resize(PORTRAIT.width, PORTRAIT.height, { fit: 'cover' })
    .png()
    .toBuffer();
  const card = await sharp(readFileSync(documentFixture('passport_td3_utopia_specimen.jpg')))
    .composite([{ input: portrait, left: PORTRAIT.left, top: PORTRAIT.top }])
    .jpeg({ quality: 90 })
    .toBuffer();
  return new Uint8Array(card);
}
