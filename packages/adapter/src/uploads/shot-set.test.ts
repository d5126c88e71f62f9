import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './limits.js';
import { validateShotSet } from './shot-set.js';

// JSZip stands in for the plugin's packer: a mainstream writer must produce archives we accept.
let frames: Buffer[];

beforeAll(async () => {
  frames = await Promise.all(
    ['#111', '#222', '#333'].map((bg) =>
      sharp({ create: { width: 32, height: 32, channels: 3, background: bg } })
        .jpeg()
        .toBuffer(),
    ),
  );
});

const names = ['frame_0001.jpg', 'frame_0002.jpg', 'frame_0003.jpg'];
const manifest = (extra: Record<string, unknown> = {}) => ({
  version: 1,
  action: 'video_selfie_blank',
  orientation: 'portrait',
  frames: names,
  best_frame: 'frame_0002.jpg',
  additional_info: 'env-data',
  ...extra,
});

async function pack(files: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function goodSet(extra: Record<string, Buffer | string> = {}, man = manifest()): Promise<Buffer> {
  const files: Record<string, Buffer | string> = { 'manifest.json': JSON.stringify(man) };
  names.forEach((n, i) => {
    files[n] = frames[i] as Buffer;
  });
  return pack({ ...files, ...extra });
}

async function codeOf(zip: Buffer, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS, expectedAction?: string) {
  const r = await validateShotSet(zip, limits, expectedAction ? { expectedAction } : {});
  return r.ok ? 'ok' : r.error.code;
}

describe('validateShotSet', () => {
  it('accepts a well-formed shot set and returns frames in manifest order', async () => {
    const zip = await goodSet();
    const r = await validateShotSet(zip, DEFAULT_UPLOAD_LIMITS, { expectedAction: 'video_selfie_blank' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.action).toBe('video_selfie_blank');
    expect(r.value.frames.map((f) => [f.name, f.width, f.height])).toEqual(names.map((n) => [n, 32, 32]));
    expect(r.value.manifest.additional_info).toBe('env-data');
    expect(r.value.zip).toBe(zip);
  });

  it('accepts frame objects and extra manifest fields', async () => {
    const man = manifest({
      frames: names.map((name, i) => ({ name, t: i * 33 })),
      evidence: { cadence: [33, 34] },
    });
    expect(await codeOf(await goodSet({}, man))).toBe('ok');
  });

  it('refuses a missing, broken or wrong manifest (422)', async () => {
    const noManifest = await pack({ 'frame_0001.jpg': frames[0] as Buffer });
    expect(await codeOf(noManifest)).toBe('upload_bad_manifest');
    expect(await codeOf(await goodSet({ 'manifest.json': '{"version":1,' }))).toBe('upload_bad_manifest');
    expect(await codeOf(await goodSet({}, manifest({ version: 2 })))).toBe('upload_bad_manifest');
    expect(await codeOf(await goodSet({}, manifest({ action: 'photo_id_front' })))).toBe(
      'upload_bad_manifest',
    );
    expect(await codeOf(await goodSet({}, manifest({ best_frame: 'nope.jpg' })))).toBe('upload_bad_manifest');
    expect(await codeOf(await goodSet(), DEFAULT_UPLOAD_LIMITS, 'video_selfie_smile')).toBe(
      'upload_bad_manifest',
    );
    const small = { ...DEFAULT_UPLOAD_LIMITS, manifestBytes: 50 };
    expect(await codeOf(await goodSet(), small)).toBe('upload_bad_manifest');
  });

  it('refuses frames missing from the archive or entries missing from the manifest', async () => {
    const missing = await pack({
      'manifest.json': JSON.stringify(manifest()),
      'frame_0001.jpg': frames[0] as Buffer,
    });
    expect(await codeOf(missing)).toBe('upload_bad_manifest');
    expect(await codeOf(await goodSet({ 'extra.jpg': frames[0] as Buffer }))).toBe('upload_bad_manifest');
  });

  it('refuses an HTML file posing as a frame (415) and a truncated frame (422)', async () => {
    expect(await codeOf(await goodSet({ 'frame_0002.jpg': '<html><body>x</body></html>' }))).toBe(
      'upload_unsupported_type',
    );
    const cut = (frames[1] as Buffer).subarray(0, 200);
    expect(await codeOf(await goodSet({ 'frame_0002.jpg': cut }))).toBe('upload_bad_image');
  });

  it('refuses PNG frames: shot sets are JPEG only', async () => {
    const png = await sharp(frames[0] as Buffer)
      .png()
      .toBuffer();
    expect(await codeOf(await goodSet({ 'frame_0001.jpg': png }))).toBe('upload_unsupported_type');
  });

  it('refuses traversal names even when a writer lets them through', async () => {
    const zip = new JSZip();
    zip.file('manifest.json', JSON.stringify(manifest()));
    zip.file('..\\frame_0001.jpg', frames[0] as Buffer, { createFolders: false });
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await codeOf(buf)).toBe('upload_bad_entry_name');
  });

  it('refuses an oversize archive (413) and too many entries (413)', async () => {
    const zip = await goodSet();
    expect(await codeOf(zip, { ...DEFAULT_UPLOAD_LIMITS, shotsZipBytes: zip.length - 1 })).toBe(
      'upload_too_large',
    );
    expect(await codeOf(zip, { ...DEFAULT_UPLOAD_LIMITS, zipMaxEntries: 3 })).toBe('upload_too_many_entries');
  });

  it('refuses a zip bomb: 8 MB of zeros in a few kB', async () => {
    // Small enough for JSZip's pure-JS deflate to stay fast; the ratio (~1000) is what matters.
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    expect(deflateRawSync(zeros).length).toBeLessThan(16 * 1024);
    const zip = await goodSet({ 'frame_0003.jpg': zeros });
    expect(zip.length).toBeLessThan(32 * 1024);
    expect(await codeOf(zip)).toBe('upload_zip_bomb');
  });
});
