/** Geometry and per-frame face measurements shared by the worker, the flow and the capture code. */

export type Point = [number, number];

/** Face box in frame pixels (integers in results; floats inside the core). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const LANDMARK_NAMES = [
  'left_eye',
  'right_eye',
  'nose_base',
  'mouth_bottom',
  'left_ear',
  'right_ear',
] as const;
export type LandmarkName = (typeof LANDMARK_NAMES)[number];
export type Landmarks = Record<LandmarkName, Point>;

/** What one analysed frame tells about the (main) face in it. Angles in degrees, scores 0..1. */
export interface FaceMetrics {
  /** Capture timestamp of the frame (ms, the video frame clock). */
  timestamp: number;
  frameWidth: number;
  frameHeight: number;
  faceCount: number;
  /** The largest face; null when there is none. */
  box: Box | null;
  landmarks: Landmarks | null;
  /** + = face turned toward the image's right (the subject's left), unmirrored frame. */
  yaw: number;
  /** + = head down (chin toward chest). */
  pitch: number;
  roll: number;
  /** Mean of eyeBlinkLeft/Right blendshapes. */
  blink: number;
  /** Mean of mouthSmileLeft/Right blendshapes. */
  smile: number;
  /** Mean luma of the face region, 0..255. */
  brightness: number;
  /** Variance of the Laplacian of the face region (grey levels²); higher is sharper. */
  sharpness: number;
}
