/**
 * Which camera a document photo starts with (actions.md: since 1.5.0 mobile browsers use the rear
 * camera for document photos): the rear camera on phones and tablets, the front one on desktops,
 * where the only camera usually faces the user. `cameraFacingMode` from the page wins.
 */
export interface DeviceHints {
  userAgent: string;
  maxTouchPoints: number;
  /** `matchMedia('(pointer: coarse)').matches`. */
  coarsePointer: boolean;
}

const MOBILE_UA = /Android|iPhone|iPad|iPod|Mobile|Silk|Kindle|Opera Mini/i;

export function isHandheld(d: DeviceHints): boolean {
  if (MOBILE_UA.test(d.userAgent)) return true;
  // iPadOS reports a desktop Safari user agent but has touch and a coarse pointer.
  return d.maxTouchPoints > 1 && d.coarsePointer && /Macintosh/.test(d.userAgent);
}

export function documentFacingMode(
  d: DeviceHints,
  requested?: 'user' | 'environment',
): 'user' | 'environment' {
  if (requested) return requested;
  return isHandheld(d) ? 'environment' : 'user';
}
