import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { decodeImage } from '../../packages/analysis/src/media/decode.js';
import type { RgbImage } from '../../packages/analysis/src/models/image.js';
import { ovalFor } from '../../packages/plugin/src/flow/oval.js';
import type { Box } from '../../packages/plugin/src/vision/types.js';

export const FRAME_W = 640;
export const FRAME_H = 480;

/** A photo decoded upright (EXIF applied) as the server decodes it, at full size. */
export async function loadPhoto(path: string): Promise<RgbImage> {
  return decodeImage(new Uint8Array(readFileSync(path)), 4096);
}

/**
 * A 640x480 JPEG (base64) of `img` scaled by `k` and cut at (x, y) of the scaled image. Parts of the window
 * outside the photo are black, or (`smear`) its edge pixels drawn outward, so the context crops see no hard
 * black bars (mirroring is not used: it can copy a second face into the frame).
 */
function windowJpeg(img: RgbImage, k: number, x: number, y: number, fill: 'black' | 'smear'): string {
  const w = Math.max(1, Math.round(img.width * k));
  const h = Math.max(1, Math.round(img.height * k));
  const left = Math.max(0, -Math.round(x));
  const top = Math.max(0, -Math.round(y));
  const right = Math.max(0, Math.round(x) + FRAME_W - w);
  const bottom = Math.max(0, Math.round(y) + FRAME_H - h);
  // Area averaging when shrinking (what a camera's downscaler approximates), bicubic when enlarging.
  const filters = [`scale=${w}:${h}:flags=${k < 1 ? 'area' : 'bicubic'}`];
  if (left || top || right || bottom) {
    filters.push(`pad=${w + left + right}:${h + top + bottom}:${left}:${top}`);
    if (fill === 'smear')
      filters.push(`fillborders=left=${left}:right=${right}:top=${top}:bottom=${bottom}:mode=smear`);
  }
  filters.push(`crop=${FRAME_W}:${FRAME_H}:${Math.max(0, Math.round(x))}:${Math.max(0, Math.round(y))}`);
  const jpeg = execFileSync(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-s',
      `${img.width}x${img.height}`,
      '-i',
      '-',
      '-vf',
      filters.join(','),
      '-q:v',
      '3',
      '-f',
      'mjpeg',
      '-',
    ],
    { input: img.data, maxBuffer: 16 << 20 },
  );
  return jpeg.toString('base64');
}

/** The photo fitted whole into 640x480 (the first look, to find the face), and the scale it was fitted with. */
export function fittedJpeg(img: RgbImage): { jpeg: string; k: number; x: number; y: number } {
  const k = Math.min(FRAME_W / img.width, FRAME_H / img.height);
  const x = (img.width * k - FRAME_W) / 2;
  const y = (img.height * k - FRAME_H) / 2;
  return { jpeg: windowJpeg(img, k, x, y, 'black'), k, x, y };
}

/** Face width / oval width the framing aims at: the middle of the guidance window 0.45..1.05. */
export const TARGET_SIZE = 0.75;

/**
 * The photo framed as the capture would accept it: scaled so the FaceLandmarker box (`box`, found in the
 * fitted frame `fit`) is TARGET_SIZE of the guide oval's width, and placed where guidance wants the face
 * centre (the oval centre, 12% of its vertical radius lower: flow/oval.ts). Returns the 640x480 JPEG.
 */
export function guidanceFramedJpeg(
  img: RgbImage,
  fit: { k: number; x: number; y: number },
  box: Box,
): string {
  const oval = ovalFor(FRAME_W, FRAME_H);
  // The box in photo pixels.
  const left = (box.left + fit.x) / fit.k;
  const right = (box.right + fit.x) / fit.k;
  const top = (box.top + fit.y) / fit.k;
  const bottom = (box.bottom + fit.y) / fit.k;
  const k = (TARGET_SIZE * 2 * oval.rx) / (right - left);
  const cx = ((left + right) / 2) * k;
  const cy = ((top + bottom) / 2) * k;
  return windowJpeg(img, k, cx - oval.cx, cy - (oval.cy + 0.12 * oval.ry), 'smear');
}
