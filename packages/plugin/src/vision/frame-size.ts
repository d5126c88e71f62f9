/**
 * The size a camera frame is analysed and recorded at: at most ANALYSIS_LONG_SIDE pixels on its long side,
 * the aspect ratio kept. An HD webcam answers the plugin's 1280×720 request with 1280×720 frames; handing
 * those to FaceLandmarker whole costs its image conversion 4× the pixels for a face that already fills the
 * oval (inference p50 41.6 against 24.0 ms on this repo's 2-core machine, docs/benchmarks.md). The frame
 * worker shrinks the frame's RGBA copy (camera/shrink.ts); without it the page scales while it copies the
 * frame out of the video (createImageBitmap resize).
 */
export const ANALYSIS_LONG_SIDE = 640;

export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

/** The analysis size for a `width`×`height` frame, or null when the frame is already small enough (or unknown). */
export function analysisSize(width: number, height: number, longSide = ANALYSIS_LONG_SIDE): FrameSize | null {
  const long = Math.max(width, height);
  if (!(width > 0 && height > 0) || long <= longSide) return null;
  const scale = longSide / long;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
