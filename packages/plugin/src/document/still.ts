import { DEFAULT_ENCODE_LIMITS, type EncodeLimits, encodePlan } from './encode-plan.js';

/**
 * Still capture at the camera's best resolution (the camera edge of document photos: it touches the
 * track, nothing else). ImageCapture.takePhoto() where the browser has it (Chromium: the sensor's
 * full still resolution, not the preview's); otherwise the track is asked for its largest size
 * before one frame is grabbed, and put back afterwards.
 */
export interface Still {
  bitmap: ImageBitmap;
  /** How the pixels were obtained. */
  source: 'image_capture' | 'track_frame';
}

interface ImageCaptureLike {
  takePhoto(): Promise<Blob>;
}
type ImageCaptureCtor = new (track: MediaStreamTrack) => ImageCaptureLike;

export async function takeStill(track: MediaStreamTrack, video: HTMLVideoElement): Promise<Still> {
  const Ctor = (globalThis as { ImageCapture?: ImageCaptureCtor }).ImageCapture;
  if (Ctor) {
    try {
      const blob = await new Ctor(track).takePhoto();
      return { bitmap: await createImageBitmap(blob), source: 'image_capture' };
    } catch {
      // Some cameras refuse takePhoto (virtual or fake devices): fall back to the track.
    }
  }
  const before = track.getSettings();
  const caps = typeof track.getCapabilities === 'function' ? track.getCapabilities() : {};
  const maxW = caps.width?.max;
  const maxH = caps.height?.max;
  const bigger =
    maxW !== undefined && maxH !== undefined && (maxW > (before.width ?? 0) || maxH > (before.height ?? 0));
  if (bigger) {
    try {
      await track.applyConstraints({ width: { ideal: maxW }, height: { ideal: maxH } });
      await new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
    } catch {
      // Over-constrained: keep the current size.
    }
  }
  try {
    return { bitmap: await createImageBitmap(video), source: 'track_frame' };
  } finally {
    if (bigger) {
      await track
        .applyConstraints({ width: { ideal: before.width }, height: { ideal: before.height } })
        .catch(() => {});
    }
  }
}

/** JPEG of the still within the upload limits (quality first, then size); null if nothing fits. */
export async function encodeStill(
  bitmap: ImageBitmap,
  limits: EncodeLimits = DEFAULT_ENCODE_LIMITS,
): Promise<{ blob: Blob; width: number; height: number } | null> {
  for (const step of encodePlan(bitmap.width, bitmap.height, limits)) {
    const canvas = new OffscreenCanvas(step.width, step.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, step.width, step.height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: step.quality });
    if (blob.size <= limits.maxBytes) return { blob, width: step.width, height: step.height };
  }
  return null;
}
