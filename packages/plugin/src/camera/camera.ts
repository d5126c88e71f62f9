import { LivenessFailure } from '../errors/codes.js';

export interface CameraRequest {
  deviceId?: string;
  facingMode?: 'user' | 'environment';
  /** Give up (and report `get_user_media_timeout`) when no stream arrives within this time. */
  timeoutMs: number;
}

export interface Camera {
  /** One video element for the whole session: switching cameras changes its stream, not the element. */
  readonly video: HTMLVideoElement;
  readonly track: MediaStreamTrack;
  /** The id of the camera in use, when the browser tells it. */
  readonly deviceId: string | null;
  /** Which way the camera faces; a rear camera is not mirrored. */
  readonly facing: 'user' | 'environment';
  /** Stops the current track and starts the given camera on the same element. */
  switchTo(deviceId: string, timeoutMs: number): Promise<void>;
  stop(): void;
}

function mapGetUserMediaError(err: unknown): LivenessFailure {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return new LivenessFailure('camera_denied', detail, { name });
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return new LivenessFailure('camera_not_found', detail, { name });
  return new LivenessFailure('camera_unusable', `${name}: ${detail}`, { name });
}

function constraints(req: Omit<CameraRequest, 'timeoutMs'>): MediaTrackConstraints {
  const video: MediaTrackConstraints = {
    width: { ideal: 1280 },
    height: { ideal: 720 },
    frameRate: { ideal: 30 },
  };
  if (req.deviceId) video.deviceId = { exact: req.deviceId };
  else if (req.facingMode) video.facingMode = req.facingMode;
  return video;
}

async function getStream(
  media: MediaDevices,
  video: MediaTrackConstraints,
  timeoutMs: number,
): Promise<MediaStream> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = media.getUserMedia({ video, audio: false });
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new LivenessFailure('get_user_media_timeout', `no camera stream after ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([pending, timeout]);
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
}

const stopStream = (s: MediaStream | null) => {
  for (const t of s?.getTracks() ?? []) t.stop();
};

/** Opens the camera and a playing, muted, inline video element fed by it. */
export async function openCamera(req: CameraRequest, signal: AbortSignal): Promise<Camera> {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia) {
    throw new LivenessFailure('unsupported_browser', 'navigator.mediaDevices.getUserMedia is not available');
  }
  let stream: MediaStream | null = await getStream(media, constraints(req), req.timeoutMs);
  // Aborting (close()) stops the tracks at once, even while the video element is still starting.
  const stopAll = () => stopStream(stream);
  signal.addEventListener('abort', stopAll, { once: true });
  if (signal.aborted) {
    stopAll();
    throw new LivenessFailure('internal_error', 'aborted');
  }
  const el = document.createElement('video');
  el.muted = true;
  el.playsInline = true;
  el.autoplay = true;
  el.setAttribute('webkit-playsinline', '');

  const attach = async (s: MediaStream) => {
    const [track] = s.getVideoTracks();
    if (!track) throw new LivenessFailure('camera_unusable', 'the stream has no video track');
    el.srcObject = s;
    await el.play().catch((err: unknown) => {
      // A blocked autoplay (some WebViews) is not a camera failure: the UI offers "Tap to continue".
      if (err instanceof DOMException && err.name === 'NotAllowedError') return;
      throw mapGetUserMediaError(err);
    });
    return track;
  };
  let track: MediaStreamTrack;
  try {
    track = await attach(stream);
  } catch (err) {
    stopAll();
    throw err;
  }
  const facingOf = (t: MediaStreamTrack): 'user' | 'environment' => {
    const f = t.getSettings().facingMode;
    if (f === 'environment' || f === 'user') return f;
    return req.deviceId ? 'user' : (req.facingMode ?? 'user');
  };
  return {
    video: el,
    get track() {
      return track;
    },
    get deviceId() {
      return track.getSettings().deviceId ?? null;
    },
    get facing() {
      return facingOf(track);
    },
    async switchTo(deviceId, timeoutMs) {
      // One live track at a time: the old one stops before the new one is asked for (phones allow one).
      stopStream(stream);
      stream = null;
      const next = await getStream(media, constraints({ deviceId }), timeoutMs);
      if (signal.aborted) {
        stopStream(next);
        throw new LivenessFailure('internal_error', 'aborted');
      }
      stream = next;
      track = await attach(next);
    },
    stop() {
      stopAll();
      el.srcObject = null;
    },
  };
}
