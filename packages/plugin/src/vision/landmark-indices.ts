import type { LandmarkName } from './types.js';

/**
 * FaceLandmarker (478-point mesh) indices used for the six named result landmarks. "left"/"right" are
 * the subject's own sides (anatomical), as in the mesh itself: the subject's left eye appears on the
 * right of an unmirrored frame.
 * - eyes: iris centres (468 = subject's right iris, 473 = subject's left iris)
 * - nose_base: 2, the point under the nose tip where it meets the upper lip area
 * - mouth_bottom: 17, lowest point of the lower lip contour
 * - ears: 234 / 454, the face-contour points at ear (tragus) height
 */
export const LANDMARK_INDEX: Record<LandmarkName, number> = {
  left_eye: 473,
  right_eye: 468,
  nose_base: 2,
  mouth_bottom: 17,
  left_ear: 454,
  right_ear: 234,
};
