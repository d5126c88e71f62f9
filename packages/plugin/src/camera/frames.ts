/**
 * Delivers the video's frames as they are presented (requestVideoFrameCallback), with their capture time.
 * The callback decides whether to use a frame; returning nothing keeps the stream going.
 */
export type FrameListener = (video: HTMLVideoElement, timestampMs: number) => void;

export function watchFrames(video: HTMLVideoElement, onFrame: FrameListener): () => void {
  let handle = 0;
  let stopped = false;
  const step = (now: number, meta: VideoFrameCallbackMetadata) => {
    if (stopped) return;
    onFrame(video, meta.captureTime ?? meta.expectedDisplayTime ?? now);
    handle = video.requestVideoFrameCallback(step);
  };
  handle = video.requestVideoFrameCallback(step);
  return () => {
    stopped = true;
    video.cancelVideoFrameCallback(handle);
  };
}
