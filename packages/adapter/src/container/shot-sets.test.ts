import type { OpenedContainer, OpenedEntry } from '@open-liveness/trust';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS } from '../uploads/index.js';
import { openZip } from '../uploads/zip-reader.js';
import { captureFromContainer } from './shot-sets.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function entry(name: string, over: Partial<OpenedEntry>): OpenedEntry {
  const data = over.bytes ?? bytes(name);
  return {
    name,
    type: 'image/jpeg',
    kind: 'frame',
    offset: 0,
    length: data.length,
    sha256: '0'.repeat(64),
    ...over,
    bytes: data,
  };
}

function opened(entries: OpenedEntry[], evidence: unknown = null): OpenedContainer {
  return {
    manifest: {
      version: 1,
      token_id: 't',
      created_at: '',
      entries,
      evidence: evidence as null,
      meta: { tx: '1' },
    },
    entries,
    claims: { jti: 't', iat: 0, exp: 1, aud: 'open-liveness:container' },
  };
}

const manifestOf = (action: string) =>
  entry(`${action}/manifest.json`, {
    kind: 'file',
    type: 'application/json',
    action,
    bytes: bytes(
      JSON.stringify({ version: 1, action, frames: ['000.jpg', '001.jpg'], additional_info: 'old' }),
    ),
  });

describe('container → shot sets', () => {
  it('builds one stored ZIP per action, frames in index order, additional_info from the evidence', () => {
    const a = 'video_selfie_blank';
    const r = captureFromContainer(
      opened(
        [
          entry(`${a}/001.jpg`, { action: a, index: 1 }),
          entry(`${a}/000.jpg`, { action: a, index: 0 }),
          manifestOf(a),
        ],
        { [a]: '{"fresh":true}' },
      ),
      DEFAULT_UPLOAD_LIMITS,
    );
    if (!r.ok) throw new Error(r.error.detail);
    expect(r.value.manifest).toMatchObject({
      media: [{ field: 'video1', action: a, kind: 'shots_set' }],
      meta: { tx: '1' },
    });
    const zip = openZip(r.value.form.files[0]?.data as Buffer, {
      maxEntries: 10,
      maxUncompressedBytes: 1e6,
      maxRatio: 2,
    });
    if (!zip.ok) throw new Error(zip.error.detail);
    expect(zip.value.entries.map((e) => e.name)).toEqual(['000.jpg', '001.jpg', 'manifest.json']);
    const first = zip.value.read(zip.value.entries[0] as never);
    expect(first.ok && first.value.toString()).toBe(`${a}/000.jpg`);
    const manifest = zip.value.read(zip.value.entries[2] as never);
    expect(manifest.ok && JSON.parse(manifest.value.toString())).toMatchObject({
      additional_info: '{"fresh":true}',
    });
  });

  it('refuses entries it would not forward, names outside their action and a missing manifest', () => {
    const a = 'video_selfie_left';
    const cases: Array<[OpenedEntry[], string]> = [
      [
        [
          entry(`${a}/000.jpg`, { action: a, index: 0 }),
          entry(`${a}/best.png`, { action: a, kind: 'file', type: 'image/png' }),
        ],
        'upload_unexpected_field',
      ],
      [[entry(`video_selfie_right/000.jpg`, { action: a, index: 0 })], 'upload_bad_entry_name'],
      [[entry(`${a}/x/000.jpg`, { action: a, index: 0 })], 'upload_bad_entry_name'],
      [[entry(`${a}/000.jpg`, { action: a, index: 0 })], 'upload_bad_manifest'],
      [[], 'upload_missing_field'],
    ];
    for (const [entries, code] of cases) {
      const r = captureFromContainer(opened(entries), DEFAULT_UPLOAD_LIMITS);
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
    }
  });
});
