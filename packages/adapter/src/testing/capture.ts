import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import sharp from 'sharp';

/** The fixture face as a JPEG, the way the plugin encodes frames. */
export async function faceJpeg(path: string, width = 480): Promise<Buffer> {
  return sharp(path).resize({ width }).jpeg({ quality: 85 }).toBuffer();
}

/**
 * `count` distinct frames of one still face (slightly different sizes), because the analysis
 * declines a shot set whose frames are byte-identical (a frozen stream).
 */
export function faceFrames(path: string, count: number): Promise<Buffer[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => faceJpeg(path, 480 - 4 * i)));
}

export interface ShotSetInput {
  readonly action: string;
  readonly frames: readonly Buffer[];
  readonly additionalInfo?: string;
  readonly orientation?: 'portrait' | 'landscape';
  /** Extra raw entries (for hostile archives). */
  readonly extra?: Readonly<Record<string, Buffer | string>>;
  readonly compression?: 'STORE' | 'DEFLATE';
}

/** A shot-set ZIP as protocol.md §2 describes: `000.jpg…` and `manifest.json`. */
export async function buildShotSet(input: ShotSetInput): Promise<Buffer> {
  const zip = new JSZip();
  const names = input.frames.map((_, i) => `${String(i).padStart(3, '0')}.jpg`);
  input.frames.forEach((f, i) => {
    zip.file(names[i] as string, f);
  });
  zip.file(
    'manifest.json',
    JSON.stringify({
      version: 1,
      action: input.action,
      orientation: input.orientation ?? 'portrait',
      frames: names.map((name, i) => ({
        name,
        t: i * 33,
        sha256: createHash('sha256')
          .update(input.frames[i] as Buffer)
          .digest('hex'),
      })),
      best_frame: names[0],
      ...(input.additionalInfo !== undefined ? { additional_info: input.additionalInfo } : {}),
    }),
  );
  for (const [name, data] of Object.entries(input.extra ?? {})) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: input.compression ?? 'STORE' });
}

export interface UploadPart {
  readonly field: string;
  readonly action: string;
  readonly kind: 'shots_set' | 'photo';
  readonly data: Buffer;
  readonly type?: string;
}

/** The multipart body of `POST …/media`. */
export function uploadForm(parts: readonly UploadPart[], meta?: Record<string, string>): FormData {
  const form = new FormData();
  form.append(
    'manifest',
    JSON.stringify({
      version: 1,
      media: parts.map(({ field, action, kind }) => ({ field, action, kind })),
      ...(meta ? { meta } : {}),
    }),
  );
  for (const p of parts) {
    form.append(
      p.field,
      new Blob([Uint8Array.from(p.data)], { type: p.type ?? 'application/zip' }),
      `${p.field}.bin`,
    );
  }
  return form;
}
