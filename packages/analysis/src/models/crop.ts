import type { Box } from './image.js';

/**
 * Minivision's `CropImage._get_new_box`: enlarge the face box by `scale` around its centre,
 * cap the scale so the crop fits the frame, then slide it back inside. MiniFASNet weights were
 * trained on exactly this context window (2.7× for V2, 4.0× for V1SE), so the recipe must match.
 * The box here is `x, y, w, h` style like Minivision's detector output; we take corners.
 */
export function antispoofCropBox(face: Box, frameW: number, frameH: number, scale: number): Box {
  const w = face.x2 - face.x1;
  const h = face.y2 - face.y1;
  const s = Math.min((frameH - 1) / h, (frameW - 1) / w, scale);
  const nw = w * s;
  const nh = h * s;
  const cx = face.x1 + w / 2;
  const cy = face.y1 + h / 2;
  let x1 = cx - nw / 2;
  let y1 = cy - nh / 2;
  let x2 = cx + nw / 2;
  let y2 = cy + nh / 2;
  if (x1 < 0) {
    x2 -= x1;
    x1 = 0;
  }
  if (y1 < 0) {
    y2 -= y1;
    y1 = 0;
  }
  if (x2 > frameW - 1) {
    x1 -= x2 - frameW + 1;
    x2 = frameW - 1;
  }
  if (y2 > frameH - 1) {
    y1 -= y2 - frameH + 1;
    y2 = frameH - 1;
  }
  // Minivision truncates to ints and slices inclusively, hence the +1 on the far edges.
  return { x1: Math.trunc(x1), y1: Math.trunc(y1), x2: Math.trunc(x2) + 1, y2: Math.trunc(y2) + 1 };
}

/**
 * The faceplugin recipe for fr_landmark: a square of side = box height around the box centre,
 * clipped to the frame.
 */
export function squareBox(face: Box, frameW: number, frameH: number): Box {
  const side = face.y2 - face.y1;
  const cx = (face.x1 + face.x2) / 2;
  const cy = (face.y1 + face.y2) / 2;
  return {
    x1: Math.max(0, cx - side / 2),
    y1: Math.max(0, cy - side / 2),
    x2: Math.min(frameW, cx + side / 2),
    y2: Math.min(frameH, cy + side / 2),
  };
}
