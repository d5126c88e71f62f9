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
