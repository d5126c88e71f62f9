/**
 * Document frames (pure). ISO/IEC 7810 ID-1 cards are 85.60 × 53.98 mm; an ICAO TD3 passport data
 * page is 125 × 88 mm. The frame is the largest rectangle of the document's aspect ratio that fits
 * the visible area with a margin, centred; the same rectangle, mapped into camera pixels, is where
 * the frame statistics are measured.
 */
export type DocumentKind = 'id1' | 'td3';

export const DOCUMENT_ASPECT: Readonly<Record<DocumentKind, number>> = {
  id1: 85.6 / 53.98,
  td3: 125 / 88,
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The frame for `kind` inside a `viewW`×`viewH` area, leaving `margin` (fraction of the shorter
 * side) on every side. On a portrait phone the card lies across the screen's width.
 */
export function documentFrame(viewW: number, viewH: number, kind: DocumentKind, margin = 0.06): Rect {
  const aspect = DOCUMENT_ASPECT[kind];
  const pad = Math.min(viewW, viewH) * margin;
  const availW = Math.max(0, viewW - 2 * pad);
  const availH = Math.max(0, viewH - 2 * pad);
  let width = availW;
  let height = width / aspect;
  if (height > availH) {
    height = availH;
    width = height * aspect;
  }
  return { x: (viewW - width) / 2, y: (viewH - height) / 2, width, height };
}

/**
 * Maps a rectangle from the visible area into camera-frame pixels, when the video is shown with
 * `object-fit: cover` (scaled to fill, centred, overflow cropped) and maybe mirrored.
 */
export function viewRectToSource(
  r: Rect,
  view: { width: number; height: number },
  source: { width: number; height: number },
  mirrored = false,
): Rect {
  const scale = Math.max(view.width / source.width, view.height / source.height);
  const offX = (source.width * scale - view.width) / 2;
  const offY = (source.height * scale - view.height) / 2;
  let x = (r.x + offX) / scale;
  const y = (r.y + offY) / scale;
  const width = r.width / scale;
  const height = r.height / scale;
  if (mirrored) x = source.width - x - width;
  return { x, y, width, height };
}

/** Which frame a photo action uses: passports for the front when the page says so, cards otherwise. */
export function kindForAction(action: string, passport = false): DocumentKind {
  return passport && action === 'photo_id_front' ? 'td3' : 'id1';
}
