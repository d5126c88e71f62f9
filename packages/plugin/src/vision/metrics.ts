import { LANDMARK_INDEX } from './landmark-indices.js';
import type { PixelStats } from './pixels.js';
import { poseFromMatrix } from './pose.js';
import { type Box, type FaceMetrics, LANDMARK_NAMES, type Landmarks } from './types.js';

/** The parts of a FaceLandmarker result this module reads (kept structural so tests can build them). */
export interface LandmarkerOutput {
  faceLandmarks: ReadonlyArray<ReadonlyArray<{ x: number; y: number }>>;
  faceBlendshapes: ReadonlyArray<{ categories: ReadonlyArray<{ categoryName: string; score: number }> }>;
  facialTransformationMatrixes: ReadonlyArray<{ data: ArrayLike<number> }>;
}

export function boxOfPoints(points: ReadonlyArray<{ x: number; y: number }>, w: number, h: number): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  return { left: minX * w, top: minY * h, right: maxX * w, bottom: maxY * h };
}

/** Index of the largest face (by box area): the one the user is assumed to be. */
export function mainFaceIndex(faces: LandmarkerOutput['faceLandmarks']): number {
  let best = -1;
  let bestArea = -1;
  faces.forEach((pts, i) => {
    const b = boxOfPoints(pts, 1, 1);
    const area = (b.right - b.left) * (b.bottom - b.top);
    if (area > bestArea) {
      bestArea = area;
      best = i;
    }
  });
  return best;
}

function blendshape(shapes: LandmarkerOutput['faceBlendshapes'][number] | undefined, name: string): number {
  return shapes?.categories.find((c) => c.categoryName === name)?.score ?? 0;
}

export function computeMetrics(
  result: LandmarkerOutput,
  frame: { width: number; height: number; timestamp: number },
  pixels: PixelStats | null,
): FaceMetrics {
  const idx = mainFaceIndex(result.faceLandmarks);
  const base = {
    timestamp: frame.timestamp,
    frameWidth: frame.width,
    frameHeight: frame.height,
    faceCount: result.faceLandmarks.length,
  };
  const pts = idx >= 0 ? result.faceLandmarks[idx] : undefined;
  if (!pts) {
    return {
      ...base,
      box: null,
      landmarks: null,
      yaw: 0,
      pitch: 0,
      roll: 0,
      blink: 0,
      smile: 0,
      brightness: 0,
      sharpness: 0,
    };
  }
  const landmarks = {} as Landmarks;
  for (const name of LANDMARK_NAMES) {
    const p = pts[LANDMARK_INDEX[name]] ?? pts[0] ?? { x: 0, y: 0 };
    landmarks[name] = [p.x * frame.width, p.y * frame.height];
  }
  const matrix = result.facialTransformationMatrixes[idx];
  const pose = matrix ? poseFromMatrix(matrix.data) : { yaw: 0, pitch: 0, roll: 0 };
  const shapes = result.faceBlendshapes[idx];
  return {
    ...base,
    box: boxOfPoints(pts, frame.width, frame.height),
    landmarks,
    ...pose,
    blink: (blendshape(shapes, 'eyeBlinkLeft') + blendshape(shapes, 'eyeBlinkRight')) / 2,
    smile: (blendshape(shapes, 'mouthSmileLeft') + blendshape(shapes, 'mouthSmileRight')) / 2,
    brightness: pixels?.brightness ?? 0,
    sharpness: pixels?.sharpness ?? 0,
  };
}
