/**
 * Cheap statistics of one frame inside the document frame (pure, allocation-light, so it can run in
 * a worker on a small greyscale copy of the frame region, ~160 px wide). They drive the hints and
 * the auto-capture decision; no model is involved.
 */
export interface FrameStats {
  /** Mean luma 0–255. */
  brightness: number;
  /**
   * Specular glare on a laminated card: the fraction of pixels at or above 250 that also stand at
   * least 60 levels above the crop's median (a white page under even light is not glare).
   */
  glare: number;
  /** Variance of the 4-neighbour Laplacian: a focus measure. */
  sharpness: number;
  /**
   * How strongly the frame's four borders show a straight edge (the document's outline), 0–1:
   * the fraction of border-band columns/rows whose gradient across the border is strong.
   */
  edgeFit: number;
  /** Mean absolute difference from the previous frame's thumbnail, 0–255 (motion). */
  motion: number;
}

export interface Grey {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Strength of the edge across one border line (horizontal when `row`, vertical otherwise). */
function borderScore(g: Grey, row: boolean, at: number, band: number, threshold: number): number {
  const { width: w, height: h, data } = g;
  let strong = 0;
  let total = 0;
  if (row) {
    const a = Math.max(0, at - band);
    const b = Math.min(h - 1, at + band);
    for (let x = 0; x < w; x++) {
      total++;
      if (Math.abs((data[b * w + x] as number) - (data[a * w + x] as number)) >= threshold) strong++;
    }
  } else {
    const a = Math.max(0, at - band);
    const b = Math.min(w - 1, at + band);
    for (let y = 0; y < h; y++) {
      total++;
      if (Math.abs((data[y * w + b] as number) - (data[y * w + a] as number)) >= threshold) strong++;
    }
  }
  return total ? strong / total : 0;
}

/**
 * Statistics of `g`, a greyscale crop of the camera frame slightly larger than the document frame:
 * the frame's borders sit `inset` (fraction) inside each side. `previous` is the last frame's crop at
 * the same size, for motion; pass null for the first frame.
 */
export function frameStats(g: Grey, previous: Grey | null, inset = 0.08): FrameStats {
  const { width: w, height: h, data } = g;
  const n = w * h;
  if (n === 0) return { brightness: 0, glare: 0, sharpness: 0, edgeFit: 0, motion: 0 };
  let sum = 0;
  const histogram = new Uint32Array(256);
  for (let i = 0; i < n; i++) {
    const v = data[i] as number;
    sum += v;
    histogram[v] = (histogram[v] as number) + 1;
  }
  let median = 0;
  for (let acc = 0; median < 255; median++) {
    acc += histogram[median] as number;
    if (acc * 2 >= n) break;
  }
  let bright = 0;
  for (let v = Math.max(250, median + 60); v < 256; v++) bright += histogram[v] as number;
  let lapSum = 0;
  let lapSq = 0;
  let count = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const lap =
        (data[i - 1] as number) +
        (data[i + 1] as number) +
        (data[i - w] as number) +
        (data[i + w] as number) -
        4 * (data[i] as number);
      lapSum += lap;
      lapSq += lap * lap;
      count++;
    }
  }
  const lapMean = count ? lapSum / count : 0;
  const band = Math.max(1, Math.round(Math.min(w, h) * 0.02));
  const ix = Math.round(w * inset);
  const iy = Math.round(h * inset);
  const edgeFit =
    (borderScore(g, true, iy, band, 28) +
      borderScore(g, true, h - 1 - iy, band, 28) +
      borderScore(g, false, ix, band, 28) +
      borderScore(g, false, w - 1 - ix, band, 28)) /
    4;
  let motion = 0;
  if (previous && previous.width === w && previous.height === h) {
    let diff = 0;
    for (let i = 0; i < n; i++) diff += Math.abs((data[i] as number) - (previous.data[i] as number));
    motion = diff / n;
  }
  return {
    brightness: sum / n,
    glare: bright / n,
    sharpness: count ? lapSq / count - lapMean * lapMean : 0,
    edgeFit,
    motion,
  };
}
