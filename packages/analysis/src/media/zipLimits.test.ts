import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openShotsSet } from './shotsSet.js';
import { DEFAULT_ZIP_CAPS, zipCapViolation } from './zipLimits.js';

const zipOf = (files: Record<string, Uint8Array | string>) => {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
};

describe('standalone ZIP caps', () => {
  it('accepts a plain shots set', async () => {
    const zip = await zipOf({ '000.jpg': new Uint8Array([0xff, 0xd8, 1]), 'manifest.json': '{}' });
    expect(zipCapViolation(zip, DEFAULT_ZIP_CAPS)).toBeNull();
  });

  it('refuses a zip bomb, too many entries, too much in total, and non-archives before inflating', async () => {
    const bomb = await zipOf({ 'a.jpg': new Uint8Array(4 * 1024 * 1024) });
    expect(zipCapViolation(bomb, DEFAULT_ZIP_CAPS)).toMatch(/expands/);
    const many = await zipOf(Object.fromEntries(Array.from({ length: 401 }, (_, i) => [`${i}.jpg`, 'x'])));
    expect(zipCapViolation(many, DEFAULT_ZIP_CAPS)).toMatch(/entries/);
    const big = await zipOf({ 'a.jpg': new Uint8Array(2048).fill(7), 'b.jpg': new Uint8Array(2048).fill(9) });
    expect(zipCapViolation(big, { ...DEFAULT_ZIP_CAPS, maxUncompressedBytes: 3000 })).toMatch(/total/);
    expect(zipCapViolation(new Uint8Array([1, 2, 3]), DEFAULT_ZIP_CAPS)).not.toBeNull();
    const opened = await openShotsSet(bomb);
    expect(opened.ok).toBe(false);
  });
});
