import { describe, expect, it } from 'vitest';
import { isUpright, type Orientation, orientationOf, orientedSize, orientRgba } from './orient.js';

/** A `width`×`height` image whose pixels are letters (one per pixel, stored in the red byte). */
function letters(rows: string[]) {
  const width = rows[0]?.length ?? 0;
  const data = new Uint8ClampedArray(width * rows.length * 4);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) data.set([row.charCodeAt(x), 0, 0, 255], (y * width + x) * 4);
  });
  return { data, width, height: rows.length };
}
function read(p: { data: Uint8ClampedArray; width: number; height: number }): string[] {
  const rows: string[] = [];
  for (let y = 0; y < p.height; y++) {
    let row = '';
    for (let x = 0; x < p.width; x++) row += String.fromCharCode(p.data[(y * p.width + x) * 4] as number);
    rows.push(row);
  }
  return rows;
}
function orient(rows: string[], o: Orientation): string[] {
  const src = letters(rows);
  const size = orientedSize(src.width, src.height, o);
  const out = { data: new Uint8ClampedArray(size.width * size.height * 4), ...size };
  orientRgba(src, o, out);
  return read(out);
}

// Stored pixels of a sensor mounted sideways:  a b c
//                                              d e f
const STORED = ['abc', 'def'];

describe('orientRgba', () => {
  it('turns clockwise by the rotation', () => {
    expect(orient(STORED, { rotation: 0, flip: false })).toEqual(['abc', 'def']);
    expect(orient(STORED, { rotation: 90, flip: false })).toEqual(['da', 'eb', 'fc']);
    expect(orient(STORED, { rotation: 180, flip: false })).toEqual(['fed', 'cba']);
    expect(orient(STORED, { rotation: 270, flip: false })).toEqual(['cf', 'be', 'ad']);
  });

  it('mirrors after turning', () => {
    expect(orient(STORED, { rotation: 0, flip: true })).toEqual(['cba', 'fed']);
    expect(orient(STORED, { rotation: 90, flip: true })).toEqual(['ad', 'be', 'cf']);
    expect(orient(STORED, { rotation: 180, flip: true })).toEqual(['def', 'abc']);
    expect(orient(STORED, { rotation: 270, flip: true })).toEqual(['fc', 'eb', 'da']);
  });

  it('a quarter turn back undoes a quarter turn (on a larger, uneven image)', () => {
    const rows = ['abcdefg', 'hijklmn', 'opqrstu', 'vwxyz01', '2345678'];
    expect(orient(orient(rows, { rotation: 90, flip: false }), { rotation: 270, flip: false })).toEqual(rows);
    expect(orient(orient(rows, { rotation: 90, flip: true }), { rotation: 90, flip: true })).toEqual(rows);
  });

  it('refuses an output of the wrong size', () => {
    const src = letters(STORED);
    const out = { data: new Uint8ClampedArray(3 * 2 * 4), width: 3, height: 2 };
    expect(() => orientRgba(src, { rotation: 90, flip: false }, out)).toThrow(RangeError);
  });
});

describe('orientationOf', () => {
  it('reads quarter turns and the mirror; anything else is upright', () => {
    expect(orientationOf({})).toEqual({ rotation: 0, flip: false });
    expect(isUpright(orientationOf({ rotation: 0, flip: false }))).toBe(true);
    expect(orientationOf({ rotation: 90, flip: true })).toEqual({ rotation: 90, flip: true });
    expect(orientationOf({ rotation: -90 })).toEqual({ rotation: 270, flip: false });
    expect(orientationOf({ rotation: 450 })).toEqual({ rotation: 90, flip: false });
    expect(orientationOf({ rotation: 45 })).toEqual({ rotation: 0, flip: false });
    expect(orientedSize(640, 480, { rotation: 270, flip: false })).toEqual({ width: 480, height: 640 });
  });
});
