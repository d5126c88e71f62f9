import type { Point } from '../models/image.js';

/**
 * Pose and expression proxies from the 68 iBUG landmarks of fr_landmark. They are ratios of
 * distances inside the face, so they do not depend on its size in the frame. They are not angles:
 * every gesture is judged as a change against the clip's own first frames (docs/gestures.md has
 * the values measured on the fixture clips).
 */
export interface FaceGeometry {
  /** Nose tip between the jaw ends: (left − right) / (left + right). > 0: the subject's left (image right). */
  readonly yaw: number;
  /** Nose tip below the eye line, over eye-line-to-mouth distance. Grows when the head goes down. */
  readonly pitch: number;
  /** Eye aspect ratio (lid opening over eye width), both eyes averaged. Drops when the eyes close. */
  readonly eyes: number;
  /** Mouth corner distance over outer eye corner distance. Grows with a smile. */
  readonly mouthWidth: number;
  /** Lip centre below the mouth corners, over mouth width. Grows when the corners rise (smile). */
  readonly mouthLift: number;
}

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

function eyeRatio(p: readonly Point[], i: number): number {
  const at = (k: number) => p[i + k] as Point;
  return (dist(at(1), at(5)) + dist(at(2), at(4))) / (2 * dist(at(0), at(3)));
}

/** Geometry of one face, or null when the points are missing or degenerate (never NaN values). */
export function faceGeometry(p: readonly Point[]): FaceGeometry | null {
  if (p.length < 68 || p.some((q) => !Number.isFinite(q.x) || !Number.isFinite(q.y))) return null;
  const at = (k: number) => p[k] as Point;
  const left = at(30).x - at(0).x;
  const right = at(16).x - at(30).x;
  const eyeLine = mid(at(36), at(45));
  const mouth = mid(at(48), at(54));
  const mouthW = dist(at(48), at(54));
  const g: FaceGeometry = {
    yaw: (left - right) / (left + right),
    pitch: dist(at(30), eyeLine) / dist(eyeLine, mouth),
    eyes: (eyeRatio(p, 36) + eyeRatio(p, 42)) / 2,
    mouthWidth: mouthW / dist(at(36), at(45)),
    mouthLift: ((at(51).y + at(57).y) / 2 - mouth.y) / mouthW,
  };
  return Object.values(g).every(Number.isFinite) ? g : null;
}
