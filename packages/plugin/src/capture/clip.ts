import type { Box, FaceMetrics, Landmarks } from '../vision/types.js';
import { LANDMARK_NAMES } from '../vision/types.js';

/** One recorded frame of a clip, still in binary form. */
export interface RecordedFrame {
  id: number;
  jpeg: Blob;
  metrics: FaceMetrics;
}

/** A finished clip: its frames, the best one and its lossless copy. */
export interface Clip {
  action: string;
  frames: RecordedFrame[];
  bestIndex: number;
  bestPng: Blob | null;
}

export const roundBox = (b: Box): Box => ({
  left: Math.round(b.left),
  top: Math.round(b.top),
  right: Math.round(b.right),
  bottom: Math.round(b.bottom),
});

export function roundLandmarks(l: Landmarks): Landmarks {
  const out = {} as Landmarks;
  for (const name of LANDMARK_NAMES) out[name] = [Math.round(l[name][0]), Math.round(l[name][1])];
  return out;
}

/** Bytes of a clip as it would be uploaded (JPEG frames + the PNG best frame). */
export function clipBytes(clip: Clip): number {
  return clip.frames.reduce((n, f) => n + f.jpeg.size, 0) + (clip.bestPng?.size ?? 0);
}
