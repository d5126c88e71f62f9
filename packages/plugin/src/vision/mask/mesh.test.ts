import { describe, expect, it } from 'vitest';
import { ALPHA_BANDS, bandAlpha, edgeList, MeshPoints } from './mesh.js';

const face = (n: number, dx = 0, z = (i: number) => 0 * i) =>
  Array.from({ length: n }, (_, i) => ({ x: 0.5 + dx + i * 0.001, y: 0.5, z: z(i) }));

describe('edgeList', () => {
  it('flattens connections and drops those past the landmark count', () => {
    const e = edgeList(
      [
        { start: 0, end: 1 },
        { start: 1, end: 470 },
        { start: 2, end: 3 },
      ],
      468,
    );
    expect(Array.from(e)).toEqual([0, 1, 2, 3]);
  });
});

describe('bandAlpha', () => {
  it('runs from minAlpha (far) to maxAlpha (near), whichever order they come in', () => {
    expect(bandAlpha(0, 0.3, 1)).toBeCloseTo(0.3);
    expect(bandAlpha(ALPHA_BANDS - 1, 0.3, 1)).toBeCloseTo(1);
    expect(bandAlpha(0, 1, 0.3)).toBeCloseTo(0.3);
    const all = Array.from({ length: ALPHA_BANDS }, (_, i) => bandAlpha(i, 0.2, 0.8));
    expect([...all].sort()).toEqual(all);
  });
});

describe('MeshPoints', () => {
  it('jumps to the first face, then follows the next ones smoothly', () => {
    const m = new MeshPoints(4);
    m.set(face(4), 1000, 500);
    expect(m.hasFace).toBe(true);
    expect(m.shown[0]).toBeCloseTo(500);
    m.set(face(4, 0.1), 1000, 500); // target moves 100 px right
    expect(m.step(45, 45)).toBe(true);
    const x = m.shown[0] as number;
    expect(x).toBeGreaterThan(550);
    expect(x).toBeLessThan(600);
    for (let i = 0; i < 60; i++) m.step(16, 45);
    expect(m.shown[0]).toBeCloseTo(600, 0);
    expect(m.step(16, 45)).toBe(false);
  });

  it('drops the face on a frame without one and jumps again when it is back', () => {
    const m = new MeshPoints(4);
    m.set(face(4), 100, 100);
    m.set(null, 100, 100);
    expect(m.hasFace).toBe(false);
    m.set(face(4, 0.3), 100, 100);
    expect(m.shown[0]).toBeCloseTo(80);
  });

  it('puts near edges (smaller z) in the highest band', () => {
    const m = new MeshPoints(4);
    m.set(
      face(4, 0, (i) => [-0.1, -0.1, 0.1, 0.1][i] ?? 0),
      100,
      100,
    );
    m.step(16, 45);
    expect(m.band(0, 1)).toBe(ALPHA_BANDS - 1);
    expect(m.band(2, 3)).toBe(0);
  });

  it('allocates nothing per frame: the same buffers are reused', () => {
    const m = new MeshPoints(4);
    const { shown, target } = m;
    m.set(face(4), 10, 10);
    m.step(16, 45);
    expect(m.shown).toBe(shown);
    expect(m.target).toBe(target);
  });
});
