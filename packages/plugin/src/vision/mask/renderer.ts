/// <reference lib="webworker" />
// The 3D mask renderer: a separate script the vision worker importScripts() only when the mask is on
// (open({enable_3d_mask: true}) with the adapter's load_3d_mask), so no page without the mask loads it.
// It draws on the canvas the page handed over, at display rate, between the model's frames.

import type { MaskLook, MaskRenderer, MaskRendererModule } from './look.js';
import { ALPHA_BANDS, bandAlpha, edgeList, MeshPoints } from './mesh.js';

declare const self: DedicatedWorkerGlobalScope & { OzMaskRenderer?: MaskRendererModule };

/** FaceLandmarker's mesh without the iris points (468..477): those are not part of the tessellation. */
const POINTS = 468;
/** How fast the drawn mesh catches up with the latest landmarks (ms). */
const TAU_MS = 45;

function create(
  canvas: OffscreenCanvas,
  mesh: ReadonlyArray<{ start: number; end: number }>,
  outline: ReadonlyArray<{ start: number; end: number }>,
  look: MaskLook,
): MaskRenderer {
  const ctx = canvas.getContext('2d');
  const edges = edgeList(mesh, POINTS);
  const rim = edgeList(outline, POINTS);
  const points = new MeshPoints(POINTS);
  const alphas = Array.from({ length: ALPHA_BANDS }, (_, i) => bandAlpha(i, look.minAlpha, look.maxAlpha));
  const raf = (cb: (t: number) => void): number =>
    typeof self.requestAnimationFrame === 'function'
      ? self.requestAnimationFrame(cb)
      : (setTimeout(() => cb(performance.now()), 16) as unknown as number);
  let scheduled = false;
  let stopped = false;
  let last = 0;
  let drawn = false;

  const path = (list: Uint16Array, band: number) => {
    if (!ctx) return;
    const s = points.shown;
    ctx.beginPath();
    for (let i = 0; i < list.length; i += 2) {
      const a = list[i] as number;
      const b = list[i + 1] as number;
      if (band >= 0 && points.band(a, b) !== band) continue;
      ctx.moveTo(s[3 * a] as number, s[3 * a + 1] as number);
      ctx.lineTo(s[3 * b] as number, s[3 * b + 1] as number);
    }
  };

  const frame = (now: number) => {
    scheduled = false;
    if (stopped || !ctx) return;
    const dt = last === 0 ? 16 : now - last;
    last = now;
    if (!points.hasFace) {
      if (drawn) ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
      last = 0;
      return; // idle until a face comes back
    }
    const moving = points.step(dt, TAU_MS);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const unit = Math.max(1, canvas.width / 640);
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.strokeStyle = look.maskColor;
    // The outline, with its glow.
    ctx.globalAlpha = alphas[ALPHA_BANDS - 1] as number;
    ctx.shadowColor = look.glowColor;
    ctx.shadowBlur = 6 * unit;
    ctx.lineWidth = 2.5 * unit;
    path(rim, -1);
    ctx.stroke();
    ctx.shadowBlur = 0;
    // The mesh, one path per depth band: near edges at maxAlpha, far ones at minAlpha.
    ctx.lineWidth = unit;
    for (let band = 0; band < ALPHA_BANDS; band++) {
      ctx.globalAlpha = alphas[band] as number;
      path(edges, band);
      ctx.stroke();
    }
    drawn = true;
    if (moving) schedule();
    else last = 0;
  };

  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    raf(frame);
  };

  return {
    update(face, width, height) {
      if (stopped) return;
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      points.set(face, width, height);
      schedule();
    },
    stop() {
      stopped = true;
      ctx?.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}

self.OzMaskRenderer = { create };
