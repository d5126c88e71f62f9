import { type Box, boxArea } from './image.js';

export interface ScoredBox {
  readonly box: Box;
  readonly score: number;
}

export function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const iy = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const inter = ix * iy;
  const union = boxArea(a) + boxArea(b) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Standard greedy NMS ordered by score. (The faceplugin JS glue sorts by y2 and divides by one
 * box's area; models.md found that non-standard, so we do the textbook version.)
 */
export function nonMaxSuppression(boxes: readonly ScoredBox[], iouThreshold: number): ScoredBox[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const kept: ScoredBox[] = [];
  for (const candidate of sorted) {
    if (kept.every((k) => iou(k.box, candidate.box) <= iouThreshold)) kept.push(candidate);
  }
  return kept;
}
