import { isPhotoAction } from './photo-action.js';

/**
 * The camera a session asks for first (actions.md: since 1.5.0 mobile browsers use the rear camera for
 * document photos): the page's `cameraFacingMode` when set, else the rear camera when a phone or tablet
 * (camera/device-kind.ts) starts with a document photo, else nothing, which the camera plan turns into the
 * front camera. A selfie-first session keeps the front camera; the person can switch.
 */
export function firstFacingMode(
  requested: 'user' | 'environment' | undefined,
  mobile: boolean,
  firstAction: string | undefined,
): 'user' | 'environment' | undefined {
  if (requested) return requested;
  return mobile && isPhotoAction(firstAction) ? 'environment' : undefined;
}
