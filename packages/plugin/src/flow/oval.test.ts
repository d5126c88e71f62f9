import { describe, expect, it } from 'vitest';
import { faceOffsetX, faceOffsetY, guideOval, guideOvalOf, ovalFor } from './oval.js';

describe('guide oval', () => {
  it('sizes the oval from the frame height, capped by the width', () => {
    const o = ovalFor(640, 480);
    expect([o.cx, o.cy]).toEqual([320, 240]);
    expect(o.rx).toBeCloseTo(120.96);
    expect(o.ry).toBeCloseTo(157.248);
    // A portrait area: 75% of the width.
    expect(ovalFor(300, 600).rx).toBeCloseTo(112.5);
  });

  it('under cover, the oval sits in the visible centre crop', () => {
    // A 1:1 stage over a 640×480 frame shows x 80..560: the oval of a 480×480 frame, moved right by 80.
    const o = guideOval(640, 480, 1);
    const square = ovalFor(480, 480);
    expect(o).toEqual({ cx: 80 + square.cx, cy: square.cy, rx: square.rx, ry: square.ry });
    // A 2:1 stage shows y 80..400 of the frame.
    expect(guideOval(640, 480, 2).cy).toBe(80 + ovalFor(640, 320).cy);
    expect(guideOval(640, 480, null)).toEqual(ovalFor(640, 480));
  });

  it('guideOvalOf keeps its last oval while the frame and stage stay the same, and follows a change', () => {
    const guide = guideOvalOf();
    const a = guide(640, 480, 1.5);
    expect(guide(640, 480, 1.5)).toBe(a);
    expect(a).toEqual(guideOval(640, 480, 1.5));
    const b = guide(640, 360, 1.5);
    expect(b).not.toBe(a);
    expect(b).toEqual(guideOval(640, 360, 1.5));
    expect(guide(640, 360, null)).toEqual(guideOval(640, 360, null));
  });

  it('face offsets are in oval radii, the mesh box expected a little low', () => {
    const oval = { cx: 320, cy: 240, rx: 100, ry: 150 };
    const centred = { left: 270, right: 370, top: 183, bottom: 333 };
    expect(faceOffsetX(centred, oval)).toBe(0);
    expect(faceOffsetY(centred, oval)).toBeCloseTo(0);
    const right = { left: 370, right: 470, top: 165, bottom: 315 };
    expect(faceOffsetX(right, oval)).toBe(1);
    expect(faceOffsetY(right, oval)).toBeCloseTo(-0.12);
  });
});
