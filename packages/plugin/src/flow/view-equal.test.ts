import { describe, expect, it } from 'vitest';
import { sameView } from './view-equal.js';

describe('sameView', () => {
  it('compares plain objects and arrays by content', () => {
    expect(
      sameView({ oval: { cx: 1, ry: 2 }, list: [1, 'a'] }, { oval: { cx: 1, ry: 2 }, list: [1, 'a'] }),
    ).toBe(true);
    expect(sameView({ oval: { cx: 1, ry: 2 } }, { oval: { cx: 1, ry: 3 } })).toBe(false);
    expect(sameView({ list: [1, 2] }, { list: [1, 2, 3] })).toBe(false);
    expect(sameView({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameView({ a: null }, { a: {} })).toBe(false);
  });

  it('compares anything that is not a plain object by identity', () => {
    class Element {}
    const video = new Element();
    expect(sameView({ video }, { video })).toBe(true);
    expect(sameView({ video }, { video: new Element() })).toBe(false);
  });

  it('treats NaN as equal to itself, so a missing measure does not re-render every frame', () => {
    expect(sameView({ recording: Number.NaN }, { recording: Number.NaN })).toBe(true);
  });
});

describe('sameView, key counts', () => {
  it('tells apart objects whose keys differ in number or name, either way round', () => {
    expect(sameView({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameView({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameView({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameView({ a: 1, b: { c: [1, { d: 2 }] } }, { b: { c: [1, { d: 2 }] }, a: 1 })).toBe(true);
    expect(sameView(Object.assign(Object.create(null), { a: 1 }), { a: 1 })).toBe(true);
  });
});
