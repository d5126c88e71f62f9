import type { Point, SourceMapping } from './image.js';

/** ArcFace's canonical 5-point template for a 112×112 crop (eyes, nose tip, mouth corners). */
export const ARCFACE_TEMPLATE_112: readonly Point[] = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

/** Similarity transform `dst = s·R·src + t`, stored as [a, -b, tx; b, a, ty]. */
export interface Similarity {
  readonly a: number;
  readonly b: number;
  readonly tx: number;
  readonly ty: number;
}

/**
 * Least-squares similarity (rotation + uniform scale + translation) from `src` to `dst`
 * (closed form for 2-D, equivalent to Umeyama without reflection). Five points over-determine
 * the four parameters, which is why it beats an exact 3-point affine on noisy landmarks.
 */
export function estimateSimilarity(src: readonly Point[], dst: readonly Point[]): Similarity {
  const n = Math.min(src.length, dst.length);
  let msx = 0;
  let msy = 0;
  let mdx = 0;
  let mdy = 0;
  for (let i = 0; i < n; i++) {
    const s = src[i] as Point;
    const d = dst[i] as Point;
    msx += s.x;
    msy += s.y;
    mdx += d.x;
    mdy += d.y;
  }
  msx /= n;
  msy /= n;
  mdx /= n;
  mdy /= n;
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const s = src[i] as Point;
    const d = dst[i] as Point;
    const sx = s.x - msx;
    const sy = s.y - msy;
    const dx = d.x - mdx;
    const dy = d.y - mdy;
    dot += sx * dx + sy * dy;
    cross += sx * dy - sy * dx;
    norm += sx * sx + sy * sy;
  }
  const a = norm > 0 ? dot / norm : 1;
  const b = norm > 0 ? cross / norm : 0;
  return { a, b, tx: mdx - (a * msx - b * msy), ty: mdy - (b * msx + a * msy) };
}

export function applySimilarity(t: Similarity, p: Point): Point {
  return { x: t.a * p.x - t.b * p.y + t.tx, y: t.b * p.x + t.a * p.y + t.ty };
}

/** Output pixel → source pixel for a transform estimated source → output. */
export function inverseMapping(t: Similarity): SourceMapping {
  const det = t.a * t.a + t.b * t.b;
  const ia = t.a / det;
  const ib = -t.b / det;
  return (ox, oy) => {
    const x = ox - t.tx;
    const y = oy - t.ty;
    return { x: ia * x - ib * y, y: ib * x + ia * y };
  };
}

/**
 * Reduces iBUG-68 landmarks to the 5 ArcFace points: eye centres from the four lid points of each
 * eye, nose tip (30), mouth corners averaged over outer and inner lip corners.
 */
export function fivePointsFrom68(pts: readonly Point[]): Point[] {
  const mean = (idx: readonly number[]): Point => {
    let x = 0;
    let y = 0;
    for (const i of idx) {
      const p = pts[i] ?? { x: 0, y: 0 };
      x += p.x;
      y += p.y;
    }
    return { x: x / idx.length, y: y / idx.length };
  };
  return [mean([37, 38, 40, 41]), mean([43, 44, 46, 47]), mean([30]), mean([48, 60]), mean([54, 64])];
}

export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export function l2Normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  return v.map((x) => x * inv);
}

/** An embedding that cannot be trusted must fail the analysis, never read as "no difference". */
export function usableEmbedding(e: Float32Array): boolean {
  if (e.length === 0) return false;
  let n = 0;
  for (const v of e) {
    if (!Number.isFinite(v)) return false;
    n += v * v;
  }
  return n > 0.5;
}
