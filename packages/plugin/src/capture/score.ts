import type { FaceMetrics } from '../vision/types.js';

/**
 * Best-frame score in 0..1: sharp (35%), frontal (30%), eyes open (20%), centred in the frame (15%).
 * Sharpness saturates at a Laplacian variance of 200, a value a focused 640x480 webcam face exceeds.
 */
export function bestFrameScore(m: FaceMetrics): number {
  if (!m.box || m.faceCount !== 1) return 0;
  const sharp = Math.min(1, m.sharpness / 200);
  const frontal = 1 - Math.min(1, (Math.abs(m.yaw) + Math.abs(m.roll)) / 30);
  const eyesOpen = 1 - Math.min(1, m.blink);
  const cx = (m.box.left + m.box.right) / 2 / m.frameWidth - 0.5;
  const cy = (m.box.top + m.box.bottom) / 2 / m.frameHeight - 0.5;
  const centred = 1 - Math.min(1, Math.hypot(cx, cy) / 0.5);
  return 0.35 * sharp + 0.3 * frontal + 0.2 * eyesOpen + 0.15 * centred;
}
