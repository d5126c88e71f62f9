/**
 * File type from content, never from the name or the client's Content-Type (OWASP: both are
 * attacker-controlled). Only the two formats the plugin produces are recognised.
 */
export type ImageKind = 'jpeg' | 'png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

export function sniffImage(data: Uint8Array): ImageKind | undefined {
  // SOI marker followed by the start of another marker.
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => data[i] === b)) return 'png';
  return undefined;
}

export const IMAGE_MIME: Record<ImageKind, string> = { jpeg: 'image/jpeg', png: 'image/png' };
