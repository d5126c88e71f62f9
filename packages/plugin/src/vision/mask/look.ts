/** `style.maskCustomization` as the mask renderer takes it (colours as CSS colours, alphas 0..1). */
export interface MaskLook {
  readonly maskColor: string;
  readonly glowColor: string;
  readonly minAlpha: number;
  readonly maxAlpha: number;
}

/** The spec's defaults (customization.md §1). */
export const DEFAULT_MASK_LOOK: MaskLook = {
  maskColor: '#008700',
  glowColor: '#000102',
  minAlpha: 0.3,
  maxAlpha: 1,
};

/** The worker's side of the lazily loaded renderer (mask_renderer.js sets `self.OzMaskRenderer`). */
export interface MaskRenderer {
  /** The main face's landmarks (normalised 0..1, as FaceLandmarker gives them), or null for no face. */
  update(
    points: ReadonlyArray<{ x: number; y: number; z: number }> | null,
    width: number,
    height: number,
  ): void;
  stop(): void;
}

export interface MaskRendererModule {
  create(
    canvas: OffscreenCanvas,
    mesh: ReadonlyArray<{ start: number; end: number }>,
    outline: ReadonlyArray<{ start: number; end: number }>,
    look: MaskLook,
  ): MaskRenderer;
}
