/**
 * How the camera and the guide are set up for one session, from the adapter's `use_for_liveness`
 * and `load_3d_mask` and the page's options (adapter-config.md §2, plugin-api.md §3):
 * - `use_for_liveness` present (any value): `open({cameraFacingMode})` is ignored.
 * - `use_for_liveness: true` is operator mode (staff filming a customer): the rear camera on mobile;
 *   on desktop no mirror flip and no animation of the oval outline.
 * - the 3D mask replaces the oval only when the page asks (`enable_3d_mask`) and the adapter allows it.
 */
export interface CameraPlanInput {
  /** The adapter key as set, or null when absent. */
  readonly useForLiveness: boolean | null;
  readonly cameraFacingMode?: 'user' | 'environment' | undefined;
  readonly enable3dMask?: boolean | undefined;
  readonly load3dMask: boolean;
  /** A phone or tablet (camera/device-kind.ts). */
  readonly mobile: boolean;
}

export interface CameraPlan {
  readonly facingMode: 'user' | 'environment';
  /** Show the preview mirrored (a selfie view). */
  readonly mirror: boolean;
  /** Animate the oval outline (colour change and the recording ring). */
  readonly ovalAnimation: boolean;
  readonly mask3d: boolean;
  /** Page options that were ignored, and why (logged once). */
  readonly warnings: readonly string[];
}

export function cameraPlan(input: CameraPlanInput): CameraPlan {
  const warnings: string[] = [];
  const operator = input.useForLiveness === true;
  let facingMode: 'user' | 'environment' = input.cameraFacingMode ?? 'user';
  if (input.useForLiveness !== null) {
    if (input.cameraFacingMode !== undefined)
      warnings.push('cameraFacingMode is ignored: the adapter sets use_for_liveness');
    facingMode = operator && input.mobile ? 'environment' : 'user';
  }
  const operatorDesktop = operator && !input.mobile;
  if (input.enable3dMask && !input.load3dMask)
    warnings.push('enable_3d_mask needs the adapter option load_3d_mask; showing the oval');
  return {
    facingMode,
    // A rear camera is never mirrored; in operator mode on desktop the view shows the scene as it is.
    mirror: facingMode === 'user' && !operatorDesktop,
    ovalAnimation: !operatorDesktop,
    mask3d: input.enable3dMask === true && input.load3dMask,
    warnings,
  };
}
