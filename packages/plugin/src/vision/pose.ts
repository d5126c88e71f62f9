/**
 * Euler angles from FaceLandmarker's facial transformation matrix (4x4, column-major), decomposed as
 * R = Rz(roll)·Ry(yaw)·Rx(pitch). Checked against the fixture clips: yaw > 0 = face toward the image's
 * right (the subject's left), pitch > 0 = head down; unmirrored frame directions.
 */
export interface Pose {
  yaw: number;
  pitch: number;
  roll: number;
}

const DEG = 180 / Math.PI;

export function poseFromMatrix(data: ArrayLike<number>): Pose {
  // Column-major: element (row r, col c) is data[c * 4 + r].
  const r00 = data[0] ?? 1;
  const r10 = data[1] ?? 0;
  const r20 = data[2] ?? 0;
  const r21 = data[6] ?? 0;
  const r22 = data[10] ?? 1;
  const yaw = Math.asin(Math.max(-1, Math.min(1, -r20))) * DEG;
  const pitch = Math.atan2(r21, r22) * DEG;
  const roll = Math.atan2(r10, r00) * DEG;
  return { yaw, pitch, roll };
}
