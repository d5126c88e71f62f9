import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS } from './limits.js';
import { validatePhoto } from './photo.js';
import { sniffImage } from './sniff.js';

let jpeg: Buffer;
let png: Buffer;

beforeAll(async () => {
  const base = sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } });
  jpeg = await base.clone().jpeg().toBuffer();
  png = await base.clone().png().toBuffer();
});

const codeOf = async (data: Buffer, limits = DEFAULT_UPLOAD_LIMITS) => {
  const r = await validatePhoto(data, limits);
  return r.ok ? 'ok' : r.error.code;
};

describe('sniffImage', () => {
  it('recognises JPEG and PNG by content only', () => {
    expect(sniffImage(jpeg)).toBe('jpeg');
    expect(sniffImage(png)).toBe('png');
    expect(sniffImage(Buffer.from('<!doctype html><html></html>'))).toBeUndefined();
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeUndefined();
  });
});

describe('validatePhoto', () => {
  it('accepts JPEG and PNG and reports the real type and size', async () => {
    const j = await validatePhoto(jpeg, DEFAULT_UPLOAD_LIMITS);
    expect(j.ok && j.value).toMatchObject({ kind: 'jpeg', mimeType: 'image/jpeg', width: 64, height: 48 });
    const p = await validatePhoto(png, DEFAULT_UPLOAD_LIMITS);
    expect(p.ok && p.value.mimeType).toBe('image/png');
  });

  it('refuses HTML, SVG and text whatever they are called (415)', async () => {
    const r = await validatePhoto(
      Buffer.from('<html><script>alert(1)</script></html>'),
      DEFAULT_UPLOAD_LIMITS,
    );
    expect(!r.ok && [r.error.code, r.error.status]).toEqual(['upload_unsupported_type', 415]);
    expect(await codeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
      'upload_unsupported_type',
    );
  });

  it('refuses truncated JPEG and PNG (422)', async () => {
    const r = await validatePhoto(jpeg.subarray(0, Math.floor(jpeg.length * 0.7)), DEFAULT_UPLOAD_LIMITS);
    expect(!r.ok && [r.error.code, r.error.status]).toEqual(['upload_bad_image', 422]);
    expect(await codeOf(png.subarray(0, Math.floor(png.length * 0.7)))).toBe('upload_bad_image');
  });

  it('refuses a valid signature followed by something else (polyglot)', async () => {
    const fake = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from('<html>not a jpeg</html>'),
    ]);
    expect(await codeOf(fake)).toBe('upload_bad_image');
  });

  it('refuses oversize files (413) and pixel floods before decoding', async () => {
    const r = await validatePhoto(jpeg, { ...DEFAULT_UPLOAD_LIMITS, photoBytes: 100 });
    expect(!r.ok && [r.error.code, r.error.status]).toEqual(['upload_too_large', 413]);
    expect(await codeOf(jpeg, { ...DEFAULT_UPLOAD_LIMITS, imageMaxPixels: 64 * 47 })).toBe(
      'upload_bad_image',
    );
  });

  it('survives random damage without throwing', async () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let round = 0; round < 40; round++) {
      const copy = Buffer.from(round % 2 ? jpeg : png);
      for (let f = 0; f < 6; f++) copy[8 + (rand() % (copy.length - 8))] = rand() & 0xff;
      const code = await codeOf(copy);
      expect(['ok', 'upload_bad_image']).toContain(code);
    }
  });
});
