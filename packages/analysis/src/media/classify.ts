import type { MediaType } from '../domain/types.js';

export type MediaKind = { type: MediaType; mime: string };

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/**
 * Classifies an upload by its bytes first (the declared MIME type is client-controlled and often
 * `application/octet-stream`), falling back to the declared type for videos we only store.
 * Returns null for anything we cannot analyse or store meaningfully.
 */
export function classifyUpload(bytes: Uint8Array, declaredMime: string): MediaKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: 'IMAGE_FOLDER', mime: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { type: 'IMAGE_FOLDER', mime: 'image/png' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return { type: 'SHOTS_SET_FOLDER', mime: 'application/zip' };
  if (declaredMime.startsWith('video/')) return { type: 'VIDEO_FOLDER', mime: declaredMime };
  // ISO BMFF (mp4/mov): "ftyp" at offset 4; WebM/Matroska: EBML magic.
  if (startsWith(bytes.subarray(4), [0x66, 0x74, 0x79, 0x70]))
    return { type: 'VIDEO_FOLDER', mime: 'video/mp4' };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { type: 'VIDEO_FOLDER', mime: 'video/webm' };
  return null;
}
