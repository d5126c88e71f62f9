/**
 * The pure part of the 3D mask: landmark buffers smoothed toward the latest frame at display rate, and the
 * depth bands that decide each edge's opacity between minAlpha (far) and maxAlpha (near). Everything works
 * in preallocated typed arrays, so drawing a frame allocates nothing.
 */

/** How many opacity bands the mesh is drawn in (one canvas path each). */
export const ALPHA_BANDS: number = 4;

/** Flattens connections into [start0, end0, start1, end1, …], dropping those past the landmark count. */
export function edgeList(
  connections: ReadonlyArray<{ start: number; end: number }>,
  points: number,
): Uint16Array {
  const kept = connections.filter((c) => c.start < points && c.end < points);
  const out = new Uint16Array(kept.length * 2);
  kept.forEach((c, i) => {
    out[2 * i] = c.start;
    out[2 * i + 1] = c.end;
  });
  return out;
}

/** The opacity of band `i` (0 = farthest, ALPHA_BANDS-1 = nearest). */
export function bandAlpha(i: number, minAlpha: number, maxAlpha: number): number {
  const lo = Math.min(minAlpha, maxAlpha);
  const hi = Math.max(minAlpha, maxAlpha);
  return ALPHA_BANDS === 1 ? hi : lo + ((hi - lo) * i) / (ALPHA_BANDS - 1);
}

/** Landmarks in frame pixels: `target` is the latest analysed frame, `shown` follows it smoothly. */
export class MeshPoints {
  readonly target: Float32Array;
  readonly shown: Float32Array;
  /** Whether `shown` holds a face (false until the first one, and after a frame without a face). */
  hasFace = false;
  private fresh = true;
  zNear = 0;
  zFar = 0;

  constructor(readonly count: number) {
    this.target = new Float32Array(count * 3);
    this.shown = new Float32Array(count * 3);
  }

  /** Copies a frame's normalised landmarks into `target` (z is scaled like x, as FaceLandmarker's is). */
  set(
    points: ReadonlyArray<{ x: number; y: number; z: number }> | null,
    width: number,
    height: number,
  ): void {
    if (!points || points.length < this.count) {
      this.hasFace = false;
      this.fresh = true;
      return;
    }
    const t = this.target;
    for (let i = 0; i < this.count; i++) {
      const p = points[i] as { x: number; y: number; z: number };
      t[3 * i] = p.x * width;
      t[3 * i + 1] = p.y * height;
      t[3 * i + 2] = p.z * width;
    }
    if (this.fresh) this.shown.set(t);
    this.fresh = false;
    this.hasFace = true;
  }

  /**
   * Moves `shown` toward `target` for `dtMs` of display time (exponential, time constant `tauMs`), and
   * updates the depth range. Returns whether anything is left to move.
   */
  step(dtMs: number, tauMs: number): boolean {
    const k = tauMs <= 0 ? 1 : 1 - Math.exp(-Math.max(0, dtMs) / tauMs);
    const s = this.shown;
    const t = this.target;
    let moving = false;
    let near = Number.POSITIVE_INFINITY;
    let far = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < s.length; i++) {
      const d = (t[i] as number) - (s[i] as number);
      if (d > 0.05 || d < -0.05) moving = true;
      const v = (s[i] as number) + d * k;
      s[i] = v;
      if (i % 3 === 2) {
        if (v < near) near = v;
        if (v > far) far = v;
      }
    }
    this.zNear = near;
    this.zFar = far;
    return moving;
  }

  /** The depth band of the edge a–b: FaceLandmarker's z is smaller nearer the camera, so near = high band. */
  band(a: number, b: number): number {
    const z = ((this.shown[3 * a + 2] as number) + (this.shown[3 * b + 2] as number)) / 2;
    const span = this.zFar - this.zNear;
    if (!(span > 0)) return ALPHA_BANDS - 1;
    const i = Math.floor(((this.zFar - z) / span) * ALPHA_BANDS);
    return i < 0 ? 0 : i >= ALPHA_BANDS ? ALPHA_BANDS - 1 : i;
  }
}
