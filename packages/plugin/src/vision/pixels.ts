/** Cheap image statistics on a small greyscale crop of the face (RGBA input). */
export interface PixelStats {
  brightness: number;
  sharpness: number;
}

export function pixelStats(rgba: Uint8ClampedArray, width: number, height: number): PixelStats {
  const n = width * height;
  if (n === 0) return { brightness: 0, sharpness: 0 };
  const grey = new Float32Array(n);
  let sum = 0;
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    // Rec. 601 luma; the alpha channel is ignored.
    const y = 0.299 * (rgba[p] ?? 0) + 0.587 * (rgba[p + 1] ?? 0) + 0.114 * (rgba[p + 2] ?? 0);
    grey[i] = y;
    sum += y;
  }
  // Variance of the 4-neighbour Laplacian: a standard focus measure.
  let lapSum = 0;
  let lapSq = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap =
        (grey[i - 1] ?? 0) +
        (grey[i + 1] ?? 0) +
        (grey[i - width] ?? 0) +
        (grey[i + width] ?? 0) -
        4 * (grey[i] ?? 0);
      lapSum += lap;
      lapSq += lap * lap;
      count++;
    }
  }
  const mean = count > 0 ? lapSum / count : 0;
  const sharpness = count > 0 ? lapSq / count - mean * mean : 0;
  return { brightness: sum / n, sharpness };
}
