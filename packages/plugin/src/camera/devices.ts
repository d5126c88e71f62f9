import { toFailure } from '../errors/codes.js';
import { matchCameraLabel } from '../integrity/camera-names.js';

export interface CameraChoice {
  deviceId: string;
  label: string;
}

const INFRARED = /\b(ir|infra-?red)\b/i;

/**
 * The cameras a person may pick: infrared sensors and known virtual or capture-card cameras are left out
 * (they still reach the integrity evidence through the full device list).
 */
export function pickableCameras(devices: readonly MediaDeviceInfo[]): CameraChoice[] {
  return devices
    .filter((d) => d.kind === 'videoinput' && d.deviceId !== '')
    .filter((d) => !INFRARED.test(d.label))
    .filter((d) => {
      const match = matchCameraLabel(d.label);
      return match === null || match.category === 'fake_device';
    })
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

const KEY = 'oz-liveness:camera';

/** The camera chosen last time on this origin (localStorage is per origin). */
export function rememberedCamera(storage: Storage | null): string | null {
  try {
    return storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberCamera(storage: Storage | null, deviceId: string): void {
  try {
    storage?.setItem(KEY, deviceId);
  } catch {
    // private mode or storage disabled: the choice is simply not kept
  }
}

/** Where the camera to open comes from, most specific first. */
export interface CameraPreference {
  /** Picked in this session (the switch button or picker): kept across Try again. */
  chosen: string | null;
  /** `open({device_id})`. */
  option: string | null;
  storage: Storage | null;
}

/**
 * Opens the session's camera: the one picked in this session, else `device_id`, else the one remembered for
 * this origin, else the browser's default (`undefined`). A remembered camera that is no longer there
 * (unplugged, or ids reset with the site data) must not block the session: it is forgotten and the default
 * camera opens instead. A missing `device_id` or picked camera is the page's or person's choice and fails.
 */
export async function openPreferredCamera<C>(
  open: (deviceId: string | undefined) => Promise<C>,
  pref: CameraPreference,
): Promise<C> {
  const remembered = pref.chosen || pref.option ? null : rememberedCamera(pref.storage);
  const deviceId = pref.chosen ?? pref.option ?? remembered ?? undefined;
  try {
    return await open(deviceId);
  } catch (err) {
    if (remembered === null || toFailure(err).code !== 'camera_not_found') throw err;
    try {
      pref.storage?.removeItem(KEY);
    } catch {
      // storage disabled: nothing to forget
    }
    return open(undefined);
  }
}
