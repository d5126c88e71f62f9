/**
 * How a still is encoded to fit the upload limits (pure): JPEG at falling quality, then smaller, until
 * the bytes fit. The adapter's defaults are `limits.photo_bytes` 10 MiB and `limits.image_max_pixels`
 * 4096²; the plugin aims lower (4 MiB, longest side 3000 px) so the upload stays quick on a phone.
 */
export interface EncodeLimits {
  maxBytes: number;
  maxPixels: number;
  maxSide: number;
}

export const DEFAULT_ENCODE_LIMITS: EncodeLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxPixels: 4096 * 4096,
  maxSide: 3000,
};

export interface EncodeStep {
  width: number;
  height: number;
  quality: number;
}

const QUALITIES = [0.92, 0.85, 0.75, 0.65] as const;

/** Output size for a `w`×`h` still: within `maxSide` and `maxPixels`, aspect kept, never upscaled. */
export function fitSize(w: number, h: number, l: EncodeLimits): { width: number; height: number } {
  let scale = Math.min(1, l.maxSide / Math.max(w, h));
  if (w * h * scale * scale > l.maxPixels) scale = Math.sqrt(l.maxPixels / (w * h));
  return { width: Math.max(1, Math.floor(w * scale)), height: Math.max(1, Math.floor(h * scale)) };
}

/**
 * The encoding attempts for a still, in order: every quality at full (fitted) size, then the same at
 * 0.75 and 0.5 of that size. The caller encodes each until one fits `maxBytes`.
 */
export function encodePlan(w: number, h: number, l: EncodeLimits = DEFAULT_ENCODE_LIMITS): EncodeStep[] {
  const base = fitSize(w, h, l);
  const out: EncodeStep[] = [];
  for (const s of [1, 0.75, 0.5]) {
    for (const quality of QUALITIES) {
      out.push({
        width: Math.max(1, Math.round(base.width * s)),
        height: Math.max(1, Math.round(base.height * s)),
        quality,
      });
    }
  }
  return out;
}
