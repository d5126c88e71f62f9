/**
 * One frame source per video element: every consumer (vision, cadence evidence) hears the same presented
 * frames. `now` is the callback's clock, `captureTime` the frame's capture time (falls back to `now`),
 * `mediaTime` the media timeline position in seconds.
 */
export type FrameListener = (now: number, captureTime: number, mediaTime: number) => void;

export interface FrameSource {
  readonly video: HTMLVideoElement;
  /** True when requestVideoFrameCallback is missing and a frame-change watch on animation frames is used. */
  readonly fallback: boolean;
  subscribe(listener: FrameListener): () => void;
  stop(): void;
}

interface FrameScheduler {
  request(
    cb: (
      now: number,
      meta: { captureTime?: number; expectedDisplayTime?: number; mediaTime: number },
    ) => void,
  ): number;
  cancel(handle: number): void;
  fallback: boolean;
}

function schedulerFor(video: HTMLVideoElement, win: Window): FrameScheduler {
  if (typeof video.requestVideoFrameCallback === 'function') {
    return {
      request: (cb) => video.requestVideoFrameCallback(cb),
      cancel: (h) => video.cancelVideoFrameCallback(h),
      fallback: false,
    };
  }
  // Firefox < 132, Safari < 15.4: watch the video's time on animation frames and report each change.
  let last = -1;
  let raf = 0;
  return {
    request: (cb) => {
      const tick = (now: number) => {
        const t = video.currentTime;
        if (t !== last && video.readyState >= 2) {
          last = t;
          cb(now, { mediaTime: t });
        } else raf = win.requestAnimationFrame(tick);
      };
      raf = win.requestAnimationFrame(tick);
      return raf;
    },
    cancel: () => win.cancelAnimationFrame(raf),
    fallback: true,
  };
}

export function createFrameSource(video: HTMLVideoElement, win: Window = window): FrameSource {
  const listeners = new Set<FrameListener>();
  const scheduler = schedulerFor(video, win);
  let handle = 0;
  let stopped = false;
  const step: Parameters<FrameScheduler['request']>[0] = (now, meta) => {
    if (stopped) return;
    const capture = meta.captureTime ?? meta.expectedDisplayTime ?? now;
    for (const l of listeners) l(now, capture, meta.mediaTime);
    if (!stopped) handle = scheduler.request(step);
  };
  handle = scheduler.request(step);
  return {
    video,
    fallback: scheduler.fallback,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      listeners.clear();
      scheduler.cancel(handle);
    },
  };
}
