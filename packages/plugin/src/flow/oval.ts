import type { Box } from '../vision/types.js';

/** The face guide, in frame pixels. The UI draws the same ellipse over the video. Shared: never mutated. */
export interface Oval {
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
}

/**
 * Oval width is 50.4% of the frame height (42% of the width of a 6:5 or wider frame), at most 75% of the
 * width (portrait areas), 1.3 times as tall, capped to fit the frame height.
 */
export function ovalFor(frameWidth: number, frameHeight: number): Oval {
  const width = Math.min(0.75 * frameWidth, 0.504 * frameHeight);
  const height = Math.min(width * 1.3, frameHeight * 0.86);
  return { cx: frameWidth / 2, cy: frameHeight / 2, rx: width / 2, ry: height / 2 };
}

/** The part of the frame a person sees: all of it (contain), or the centre crop that cover leaves visible. */
export interface VisibleArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `viewAspect` is the stage's width / height under cover; null when the frame is shown whole. */
export function visibleArea(frameWidth: number, frameHeight: number, viewAspect: number | null): VisibleArea {
  if (!viewAspect || !(viewAspect > 0) || frameWidth <= 0 || frameHeight <= 0)
    return { x: 0, y: 0, width: frameWidth, height: frameHeight };
  const frameAspect = frameWidth / frameHeight;
  if (viewAspect < frameAspect) {
    const width = frameHeight * viewAspect;
    return { x: (frameWidth - width) / 2, y: 0, width, height: frameHeight };
  }
  const height = frameWidth / viewAspect;
  return { x: 0, y: (frameHeight - height) / 2, width: frameWidth, height };
}

/**
 * The guide oval in frame pixels, sized for the visible area: guidance and the drawn oval use this one
 * function, so what the person sees and what the checks measure cannot drift apart.
 */
export function guideOval(frameWidth: number, frameHeight: number, viewAspect: number | null): Oval {
  const a = visibleArea(frameWidth, frameHeight, viewAspect);
  const o = ovalFor(a.width, a.height);
  return { cx: a.x + o.cx, cy: a.y + o.cy, rx: o.rx, ry: o.ry };
}

/**
 * guideOval for the frame loop: the frame size and the stage change rarely, and the guidance, the action
 * machine and the view each ask for the oval on every analysed frame. The last answer is kept, so a steady
 * capture allocates no oval per frame.
 */
export function guideOvalOf(): (frameWidth: number, frameHeight: number, viewAspect: number | null) => Oval {
  let last: { w: number; h: number; aspect: number | null; oval: Oval } | null = null;
  return (w, h, aspect) => {
    if (last?.w !== w || last.h !== h || last.aspect !== aspect)
      last = { w, h, aspect, oval: guideOval(w, h, aspect) };
    return last.oval;
  };
}

/** Face width relative to the oval width (1 = as wide as the oval). */
export function faceToOvalSize(box: Box, oval: Oval): number {
  return (box.right - box.left) / (2 * oval.rx);
}

/**
 * The mesh box spans brows to chin, not hair to chin, so a head centred in the oval puts the box centre
 * a little below the oval centre: we expect it 12% of the vertical radius lower.
 */
const MESH_CENTRE_DROP = 0.12;

/** Horizontal offset of the face centre from where it should be, in oval radii (0 = centred; 1 = on the rim). */
export const faceOffsetX = (box: Box, oval: Oval): number => ((box.left + box.right) / 2 - oval.cx) / oval.rx;

/** Vertical offset of the face centre from where it should be, in oval radii (+ = too low). */
export const faceOffsetY = (box: Box, oval: Oval): number =>
  ((box.top + box.bottom) / 2 - oval.cy) / oval.ry - MESH_CENTRE_DROP;
