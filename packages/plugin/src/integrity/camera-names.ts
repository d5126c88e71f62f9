import type { CameraCategory } from '@open-liveness/trust';

/**
 * Known virtual-camera, capture-software and phone-relay products, matched against
 * `MediaDeviceInfo.label` / `MediaStreamTrack.label`. Keep entries specific: a false positive sends an
 * honest user's capture down the `from_virtual_camera` path. Add new products here with a test.
 */
export interface KnownCamera {
  readonly name: string;
  readonly category: CameraCategory;
  readonly pattern: RegExp;
}

export const KNOWN_VIRTUAL_CAMERAS: readonly KnownCamera[] = [
  { name: 'OBS Virtual Camera', category: 'virtual_camera', pattern: /\bobs\b|obs-camera/i },
  { name: 'ManyCam', category: 'virtual_camera', pattern: /manycam/i },
  { name: 'Snap Camera', category: 'virtual_camera', pattern: /snap ?camera/i },
  { name: 'XSplit VCam', category: 'virtual_camera', pattern: /xsplit/i },
  { name: 'CamTwist', category: 'virtual_camera', pattern: /camtwist/i },
  { name: 'e2eSoft VCam', category: 'virtual_camera', pattern: /e2esoft|\bvcam\b/i },
  { name: 'SplitCam', category: 'virtual_camera', pattern: /splitcam/i },
  { name: 'CyberLink YouCam', category: 'virtual_camera', pattern: /youcam/i },
  { name: 'mmhmm', category: 'virtual_camera', pattern: /mmhmm/i },
  { name: 'FaceRig / Animaze', category: 'virtual_camera', pattern: /facerig|animaze/i },
  { name: 'ChromaCam', category: 'virtual_camera', pattern: /chromacam/i },
  { name: 'SparkoCam', category: 'virtual_camera', pattern: /sparkocam/i },
  { name: 'Webcamoid / akvcam', category: 'virtual_camera', pattern: /webcamoid|akvcam/i },
  { name: 'v4l2loopback', category: 'virtual_camera', pattern: /dummy video device|v4l2 ?loopback/i },
  { name: 'Unity Video Capture', category: 'virtual_camera', pattern: /unity video capture/i },
  { name: 'Magic Camera', category: 'virtual_camera', pattern: /magic ?camera/i },
  { name: 'Fake webcam', category: 'virtual_camera', pattern: /fake ?web ?cam/i },
  { name: 'Logi Capture', category: 'capture_software', pattern: /logi capture/i },
  { name: 'NVIDIA Broadcast', category: 'capture_software', pattern: /nvidia broadcast/i },
  { name: 'Elgato Camera Hub', category: 'capture_software', pattern: /elgato (virtual|camera hub)/i },
  { name: 'Streamlabs', category: 'capture_software', pattern: /streamlabs/i },
  { name: 'vMix', category: 'capture_software', pattern: /vmix/i },
  { name: 'Wirecast', category: 'capture_software', pattern: /wirecast/i },
  { name: 'NDI', category: 'capture_software', pattern: /\bndi\b/i },
  { name: 'PRISM Live Studio', category: 'capture_software', pattern: /prism live/i },
  { name: 'DroidCam', category: 'phone_relay', pattern: /droidcam/i },
  { name: 'iVCam', category: 'phone_relay', pattern: /ivcam/i },
  { name: 'EpocCam', category: 'phone_relay', pattern: /epoccam/i },
  { name: 'Iriun Webcam', category: 'phone_relay', pattern: /iriun/i },
  { name: 'Reincubate Camo', category: 'phone_relay', pattern: /\bcamo\b/i },
  // Generic, so last: catches "Virtual Camera", "Streamlabs Virtual Webcam", Windows virtual cameras.
  { name: 'Virtual camera (generic)', category: 'virtual_camera', pattern: /virtual/i },
];

/**
 * Chromium's built-in fake capture device: `fake_device_0` with `--use-fake-device-for-media-stream`,
 * or the file path given to `--use-file-for-fake-video-capture` (`/abs/path/clip.mjpeg`, `.y4m`).
 * Real cameras are never labelled with an absolute path.
 */
export function isFakeDeviceLabel(label: string): boolean {
  const text = label.trim();
  return (
    /^fake_device_\d+$/i.test(text) ||
    /\.(y4m|mjpe?g)$/i.test(text) ||
    /^\/[^/\s]+\//.test(text) ||
    /^[a-z]:\\/i.test(text)
  );
}

export interface CameraMatch {
  readonly name: string;
  readonly category: CameraCategory;
}

/** Identifies a camera label as virtual/capture/fake, or returns null for an ordinary camera. */
export function matchCameraLabel(label: string): CameraMatch | null {
  if (label.trim() === '') return null;
  if (isFakeDeviceLabel(label)) return { name: 'Chromium fake capture device', category: 'fake_device' };
  const known = KNOWN_VIRTUAL_CAMERAS.find((entry) => entry.pattern.test(label));
  return known === undefined ? null : { name: known.name, category: known.category };
}
