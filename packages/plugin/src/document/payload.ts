import type { PhotoActionId } from '@open-liveness/trust';

/**
 * What a photo action gives the page and the upload (pure). `on_capture_complete` for a photo
 * action receives a `PhotoCaptureResult`; in `normal`/`lite` the photo travels as a `photo<n>`
 * multipart field with `kind: "photo"` (docs/protocol.md §2), and the adapter tags it.
 */
export const PHOTO_TAGS: Readonly<Record<PhotoActionId | 'photo_selfie', readonly string[]>> = {
  photo_id_front: ['photo_id', 'photo_id_front'],
  photo_id_back: ['photo_id', 'photo_id_back'],
  photo_selfie: ['photo_selfie'],
};

export interface PhotoCaptureResult {
  action: string;
  /** The still as a JPEG data URL. */
  photo: string;
  /** Size of the encoded still, pixels. */
  photo_width: number;
  photo_height: number;
  /** The media tags the analysis API expects for this photo (actions.md §3). */
  tags: readonly string[];
  /** How the still was taken: auto-capture or the shutter button, ImageCapture or a track frame. */
  capture: { trigger: 'auto' | 'shutter'; source: 'image_capture' | 'track_frame' };
  /** The document frame, in camera pixels, at the moment of the shot. */
  document_frame: { x: number; y: number; width: number; height: number };
  additional_info: string;
}

export function photoTags(action: string): readonly string[] {
  return PHOTO_TAGS[action as keyof typeof PHOTO_TAGS] ?? [];
}

/** The upload manifest entries for the photos of a session, numbered `photo1…` in order. */
export function photoManifestEntries(
  actions: readonly string[],
): Array<{ field: string; action: string; kind: 'photo' }> {
  return actions
    .filter((a) => a.startsWith('photo_'))
    .map((action, i) => ({ field: `photo${i + 1}`, action, kind: 'photo' }));
}
