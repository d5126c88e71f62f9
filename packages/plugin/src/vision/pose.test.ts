import { describe, expect, it } from 'vitest';
import { poseFromMatrix } from './pose.js';

const DEG = Math.PI / 180;

/** Column-major 4x4 of R = Rz(roll)·Ry(yaw)·Rx(pitch), the decomposition poseFromMatrix inverts. */
function matrix(yaw: number, pitch: number, roll: number): number[] {
  const [a, b, c] = [yaw * DEG, pitch * DEG, roll * DEG];
  const cy = Math.cos(a);
  const sy = Math.sin(a);
  const cp = Math.cos(b);
  const sp = Math.sin(b);
  const cr = Math.cos(c);
  const sr = Math.sin(c);
  const r = [
    [cr * cy, cr * sy * sp - sr * cp, cr * sy * cp + sr * sp],
    [sr * cy, sr * sy * sp + cr * cp, sr * sy * cp - cr * sp],
    [-sy, cy * sp, cy * cp],
  ];
  const out = new Array(16).fill(0);
  for (let row = 0; row < 3; row++) for (let col = 0; col < 3; col++) out[col * 4 + row] = r[row]?.[col];
  out[15] = 1;
  return out;
}

describe('poseFromMatrix', () => {
  it('recovers yaw, pitch and roll', () => {
    for (const [y, p, r] of [
      [0, 0, 0],
      [25, -10, 5],
      [-40, 15, -20],
    ] as const) {
      const pose = poseFromMatrix(matrix(y, p, r));
      expect(pose.yaw).toBeCloseTo(y, 6);
      expect(pose.pitch).toBeCloseTo(p, 6);
      expect(pose.roll).toBeCloseTo(r, 6);
    }
  });
});
