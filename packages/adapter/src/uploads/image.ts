import sharp from 'sharp';
import { accept, reject, type UploadResult } from './errors.js';
import { IMAGE_MIME, type ImageKind, sniffImage } from './sniff.js';

export interface ValidImage {
  readonly kind: ImageKind;
  /** MIME type derived from the content (use this when forwarding, not the client's). */
  readonly mimeType: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

export interface ImageCheckOptions {
  readonly maxBytes: number;
  readonly maxPixels: number;
  /** Restrict to some kinds (shot-set frames are JPEG only). */
  readonly kinds?: readonly ImageKind[];
  /** For error details (entry name or form field), never used as a path. */
  readonly label: string;
}

/**
 * Checks magic bytes, then fully decodes the image. Decoding is what catches truncated or
 * corrupt files and polyglots that merely start with a valid signature; the pixel limit is
 * enforced by sharp from the header, before any pixel buffer is allocated.
 */
export async function validateImage(
  data: Uint8Array,
  options: ImageCheckOptions,
): Promise<UploadResult<ValidImage>> {
  const { label } = options;
  if (data.length > options.maxBytes) {
    return reject('upload_too_large', `${label}: ${data.length} bytes > ${options.maxBytes}`);
  }
  const kind = sniffImage(data);
  if (kind === undefined || (options.kinds && !options.kinds.includes(kind))) {
    return reject(
      'upload_unsupported_type',
      `${label}: content is not ${(options.kinds ?? ['jpeg', 'png']).join('/')}`,
    );
  }
  try {
    // failOn 'truncated' refuses images whose data ends early; the tiny resize forces a full decode
    // without materialising a full-size pixel buffer.
    const image = sharp(data, {
      failOn: 'truncated',
      limitInputPixels: options.maxPixels,
      sequentialRead: true,
    });
    const meta = await image.metadata();
    if (meta.format !== kind || !meta.width || !meta.height) {
      return reject(
        'upload_bad_image',
        `${label}: decoder saw ${String(meta.format)}, signature said ${kind}`,
      );
    }
    await image.resize(8, 8, { fit: 'fill' }).raw().toBuffer();
    return accept({
      kind,
      mimeType: IMAGE_MIME[kind],
      width: meta.width,
      height: meta.height,
      bytes: data.length,
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return reject('upload_bad_image', `${label}: ${reason}`);
  }
}
