import { describe, expect, it } from 'vitest';
// The server's preprocessing, to hold the plugin's copy to it (agreement.test.ts does the same with the models).
import { antispoofCropBox } from '../../../analysis/src/models/crop.js';
import { boxMapping, RAW_PIXELS, toColourTensor } from '../../../analysis/src/models/image.js';
import { antispoofInput, contextCrop, detectorBoxOf, INPUT_SIZE, MESH_TO_DETECTOR } from './preprocess.js';

/** A deterministic RGB test card and its RGBA twin. */
function card(w: number, h: number) {
  const rgb = new Uint8Array(w * h * 3);
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const px = [(x * 7 + y * 3) % 256, (x * y) % 256, (255 + 640 - x + y * 5) % 256];
      for (let c = 0; c < 3; c++) {
        rgb[i * 3 + c] = px[c] ?? 0;
        rgba[i * 4 + c] = px[c] ?? 0;
      }
      rgba[i * 4 + 3] = 255;
    }
  return { rgb: { width: w, height: h, data: rgb }, rgba: { width: w, height: h, data: rgba } };
}

describe('on-device preprocessing = the server preprocessing', () => {
  const faces = [
    { x1: 270, y1: 190, x2: 370, y2: 290 },
    { x1: 0, y1: 150, x2: 120, y2: 300 },
    { x1: 500.4, y1: 300.7, x2: 639, y2: 479 },
    { x1: 200, y1: 10, x2: 460, y2: 470 },
  ];
  it('same context crop at both scales, near the edges and capped', () => {
    for (const f of faces)
      for (const scale of [2.7, 4.0])
        expect(contextCrop(f, 640, 480, scale)).toEqual(antispoofCropBox(f, 640, 480, scale));
  });
  it('same 80×80 BGR raw tensor from RGBA pixels as the server from RGB', () => {
    const { rgb, rgba } = card(640, 480);
    for (const f of faces) {
      const crop = contextCrop(f, 640, 480, 2.7);
      const mine = antispoofInput(rgba, crop);
      const theirs = toColourTensor(
        rgb,
        boxMapping(crop, INPUT_SIZE, INPUT_SIZE),
        INPUT_SIZE,
        INPUT_SIZE,
        'bgr',
        RAW_PIXELS,
      );
      expect(mine.length).toBe(theirs.length);
      let max = 0;
      for (let i = 0; i < mine.length; i++) max = Math.max(max, Math.abs((mine[i] ?? 0) - (theirs[i] ?? 0)));
      expect(max).toBeLessThan(1e-3);
    }
  });
  it('maps the mesh box onto a detector-style box: narrower, taller, centred higher', () => {
    const b = detectorBoxOf({ left: 100, top: 100, right: 200, bottom: 200 });
    expect(b.x2 - b.x1).toBeCloseTo(100 * MESH_TO_DETECTOR.width, 6);
    expect(b.y2 - b.y1).toBeCloseTo(100 * MESH_TO_DETECTOR.height, 6);
    expect((b.y1 + b.y2) / 2).toBeCloseTo(150 + 100 * MESH_TO_DETECTOR.shiftY, 6);
    expect((b.x1 + b.x2) / 2).toBe(150);
  });
});
