import { LivenessFailure } from '../errors/codes.js';

export interface CameraRequest {
  deviceId?: string;
  facingMode?: 'user' | 'environment';
  /** Give up (and report `get_user_media_timeout`) when no stream arrives within this time. */
  timeoutMs: number;
}

export interface Camera {
  readonly video: HTMLVideoElement;
  readonly track: MediaStreamTrack;
  stop(): void;
}

function mapGetUserMediaError(err: unknown): LivenessFailure {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return new LivenessFailure('camera_denied', detail);
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return new LivenessFailure('camera_not_found', detail);
  return new LivenessFailure('camera_unusable', `${name}: ${detail}`);
}

/** Opens the camera and a playing, muted, inline video element fed by it. */
export async function openCamera(req: CameraRequest, signal: AbortSignal): Promise<Camera> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new LivenessFailure('unsupported_browser', 'navigator.mediaDevices.getUserMedia is not available');
  }
  const video: MediaTrackConstraints = {
    width: { ideal: 1280 },
    height: { ideal: 720 },
    frameRate: { ideal: 30 },
  };
  if (req.deviceId) video.deviceId = { exact: req.deviceId };
  else if (req.facingMode) video.facingMode = req.facingMode;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = navigator.mediaDevices.getUserMedia({ video, audio: false });
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new LivenessFailure('get_user_media_timeout', `no camera stream after ${req.timeoutMs} ms`)),
      req.timeoutMs,
    );
  });
  let stream: MediaStream;
  try {
    stream = await Promise.race([pending, timeout]);
  } catch (err) {
    // A stream that arrives after the timeout must still be released.
    void pending
      .then((s) => {
        for (const t of s.getTracks()) t.stop();
      })
      .catch(() => undefined);
    throw err instanceof LivenessFailure ? err : mapGetUserMediaError(err);
  } finally {
    clearTimeout(timer);
  }
  const stopAll = () => {
    for (const t of stream.getTracks()) t.stop();
  };
  // Aborting (close()) stops the tracks at once, even while the video element is still starting.
  signal.addEventListener('abort', stopAll, { once: true });
  if (signal.aborted) {
    stopAll();
    throw new LivenessFailure('internal_error', 'aborted');
  }
  const [track] = stream.getVideoTracks();
  if (!track) {
    stopAll();
    throw new LivenessFailure('camera_unusable', 'the stream has no video track');
  }
  const el = document.createElement('video');
  el.muted = true;
  el.playsInline = true;
  el.autoplay = true;
  el.setAttribute('webkit-playsinline', '');
  el.srcObject = stream;
  try {
    await el.play();
  } catch (err) {
    stopAll();
    throw mapGetUserMediaError(err);
  }
  return {
    video: el,
    track,
    stop() {
      stopAll();
      el.srcObject = null;
    },
  };
}
