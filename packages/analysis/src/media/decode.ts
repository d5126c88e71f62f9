import sharp from 'sharp';
import type { RgbImage } from '../models/image.js';

/**
 * JPEG/PNG bytes → upright 8-bit RGB. `rotate()` applies the EXIF orientation (phone captures,
 * including three of the labelled stills, are stored sideways), and the alpha channel is dropped.
 * `maxSide` bounds memory and time on huge uploads; every model input is far smaller anyway.
 */
/** Largest decoded image, in pixels (the adapter's `limits.image_max_pixels` default): checked from the header. */
export const MAX_IMAGE_PIXELS = 4096 * 4096;

export async function decodeImage(bytes: Uint8Array, maxSide = 1280): Promise<RgbImage> {
  const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}
