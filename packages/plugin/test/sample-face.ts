import type { FaceMetrics } from '../src/vision/types.js';

/** A ready, frontal, centred webcam face in a 640x480 frame: the starting point of synthetic tests. */
export const sampleFace: FaceMetrics = {
  timestamp: 0,
  frameWidth: 640,
  frameHeight: 480,
  faceCount: 1,
  box: { left: 250, top: 190, right: 390, bottom: 360 },
  landmarks: null,
  yaw: 3,
  pitch: -9,
  roll: 0,
  blink: 0.05,
  smile: 0.02,
  brightness: 100,
  sharpness: 50,
};
