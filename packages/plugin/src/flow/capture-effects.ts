import { type Camera, openCamera } from '../camera/camera.js';
import { cameraPlan } from '../camera/camera-plan.js';
import { isMobileDevice } from '../camera/device-kind.js';
import { openPreferredCamera, pickableCameras, rememberCamera } from '../camera/devices.js';
import { createFrameSource } from '../camera/frame-source.js';
import { firstFacingMode } from '../document/camera-choice.js';
import { DEFAULT_INTEGRITY_POLICY, type IntegrityPolicy } from '../integrity/policy.js';
import { SessionEvidence } from '../integrity/session-evidence.js';
import { OnDeviceClient, onDeviceUrls } from '../ondevice/client.js';
import type { SessionInfo } from '../transport/adapter-api.js';
import { VisionClient } from '../vision/client.js';
import type { DriverContext } from './driver-context.js';
import { failureOf } from './host-effects.js';
import type { SessionEvent } from './session-types.js';

/** What the adapter's camera plan decides about the view on top of the machine's projection. */
export interface OperatorView {
  mirror: boolean;
  ovalAnimation: boolean;
  /** The 3D mask is on (the page asked and the adapter allows it). */
  mask3d: boolean;
}

function policy(info: SessionInfo | null): IntegrityPolicy {
  if (!info) return DEFAULT_INTEGRITY_POLICY;
  return {
    ...DEFAULT_INTEGRITY_POLICY,
    mode: info.integrity.mode,
    trustedTestDevices: info.integrity.trusted_test_devices,
    devtools: info.integrity.devtools ?? DEFAULT_INTEGRITY_POLICY.devtools,
  };
}

/** The page's localStorage, or null where it is refused (sandboxed frames, privacy modes). */
export function pageStorage(ctx: DriverContext): Storage | null {
  try {
    return ctx.env.window.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Starts the model and the camera for one attempt; their outcomes come back as `vision-ready` and
 * `camera-opened` events. Returns the view the camera plan decides (operator mode: no mirror, no animation).
 */
export function openCapture(ctx: DriverContext, attempt: number, chosen: string | null): OperatorView {
  const held = ctx.held();
  const signal = held.abort.signal;
  const info = ctx.state().info;
  held.evidence = new SessionEvidence(policy(info));
  // preinit: full hands over a worker warmed before open(); it serves the first attempt only.
  const vision = ctx.deps.takeVision?.() ?? new VisionClient(ctx.deps.urls);
  held.vision = vision;
  // Loads in parallel with the camera and the face model; the first action's end waits for it if need be.
  if (ctx.options.on_device)
    held.onDevice ??= ctx.deps.createOnDevice?.() ?? new OnDeviceClient(onDeviceUrls(ctx.deps.base));
  const mobile = isMobileDevice(navigator);
  const plan = cameraPlan({
    useForLiveness: info?.use_for_liveness ?? null,
    cameraFacingMode: firstFacingMode(ctx.options.cameraFacingMode, mobile, ctx.state().actions[0]),
    enable3dMask: ctx.options.enable_3d_mask,
    load3dMask: info?.load_3d_mask === true,
    mobile,
  });
  if (attempt === 1) {
    for (const w of plan.warnings) console.warn(`[OzLiveness] ${w}`);
    if (ctx.options.onDevicePrecheckBar !== null && info?.architecture === 'capture')
      console.warn(
        '[OzLiveness] on_device_precheck: the capture architecture uploads nothing, so there is nothing to hold back; on_device in on_capture_complete is advisory for the page',
      );
  }
  vision.onCrash((f) => ctx.dispatch({ type: 'failed', attempt, failure: failureOf(f) }));
  vision.onProgress((fraction) => ctx.dispatch({ type: 'load-progress', attempt, fraction }));
  ctx.later(vision.whenReady().then(() => ({ type: 'vision-ready', attempt })));
  const opened = openPreferredCamera(
    (id) =>
      openCamera(
        {
          timeoutMs: ctx.options.get_user_media_timeout,
          ...(id ? { deviceId: id } : {}),
          facingMode: plan.facingMode,
        },
        signal,
      ),
    { chosen, option: ctx.options.device_id ?? null, storage: pageStorage(ctx) },
  );
  ctx.later(
    opened.then(async (camera) => {
      if (signal.aborted || held !== ctx.held()) {
        camera.stop();
        return null;
      }
      held.camera = camera;
      held.frames = createFrameSource(camera.video);
      held.evidence?.watch(held.frames, camera.track);
      return cameraOpened(attempt, camera);
    }),
  );
  return { mirror: plan.mirror, ovalAnimation: plan.ovalAnimation, mask3d: plan.mask3d };
}

/** The `camera-opened` event for a live camera, with the pickable cameras listed now permission is given. */
async function cameraOpened(attempt: number, camera: Camera): Promise<SessionEvent> {
  let cameras: Array<{ deviceId: string; label: string }> = [];
  try {
    cameras = pickableCameras(await navigator.mediaDevices.enumerateDevices());
  } catch {
    // no list: no picker
  }
  const settings = camera.track.getSettings();
  return {
    type: 'camera-opened',
    attempt,
    video: camera.video,
    width: settings.width ?? camera.video.videoWidth,
    height: settings.height ?? camera.video.videoHeight,
    deviceId: camera.deviceId,
    facing: camera.facing,
    cameras,
  };
}

/** Restarts the track on another camera within the same attempt, and remembers the choice for this origin. */
export async function switchCamera(
  ctx: DriverContext,
  attempt: number,
  deviceId: string,
): Promise<SessionEvent | null> {
  const held = ctx.held();
  const camera = held.camera;
  if (!camera) return null;
  await camera.switchTo(deviceId, ctx.options.get_user_media_timeout);
  held.evidence?.retrack(camera.track);
  rememberCamera(pageStorage(ctx), deviceId);
  return cameraOpened(attempt, camera);
}
