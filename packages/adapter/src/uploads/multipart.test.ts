import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './limits.js';
import { type MultipartSource, parseMultipart } from './multipart.js';

async function encode(form: FormData): Promise<{ body: Buffer; type: string }> {
  const res = new Response(form);
  return { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? '' };
}

function request(body: Buffer, headers: Record<string, string>, chunk = 1024): MultipartSource {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += chunk) parts.push(body.subarray(i, i + chunk));
  return Object.assign(Readable.from(parts), { headers });
}

async function parse(form: FormData, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS, withLength = true) {
  const { body, type } = await encode(form);
  const headers: Record<string, string> = { 'content-type': type };
  if (withLength) headers['content-length'] = String(body.length);
  return parseMultipart(request(body, headers), limits);
}

const blob = (bytes: number, type = 'image/jpeg') => new Blob([new Uint8Array(bytes).fill(7)], { type });

describe('parseMultipart', () => {
  it('collects fields and files; the client file name is not kept', async () => {
    const form = new FormData();
    form.append('meta', '{"transaction_id":"t1"}');
    form.append('video1', blob(3000, 'application/zip'), '../../etc/passwd');
    form.append('photo1', blob(10), 'x.jpg');
    const r = await parse(form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.fields).toEqual({ meta: '{"transaction_id":"t1"}' });
    expect(r.value.files.map((f) => [f.field, f.data.length, f.declaredType])).toEqual([
      ['video1', 3000, 'application/zip'],
      ['photo1', 10, 'image/jpeg'],
    ]);
    expect(JSON.stringify(r.value)).not.toContain('passwd');
  });

  it('refuses a file over the per-file limit while streaming (413)', async () => {
    const form = new FormData();
    form.append('photo1', blob(5000));
    const r = await parse(form, { ...DEFAULT_UPLOAD_LIMITS, shotsZipBytes: 4000, photoBytes: 4000 });
    expect(!r.ok && [r.error.code, r.error.status]).toEqual(['upload_too_large', 413]);
  });

  it('refuses a request over the total limit, by header and by counting', async () => {
    const form = new FormData();
    form.append('a', blob(3000));
    form.append('b', blob(3000));
    const limits = { ...DEFAULT_UPLOAD_LIMITS, requestBytes: 5000 };
    const byHeader = await parse(form, limits, true);
    expect(!byHeader.ok && byHeader.error.code).toBe('upload_too_large');
    const byCount = await parse(form, limits, false);
    expect(!byCount.ok && byCount.error.code).toBe('upload_too_large');
  });

  it('refuses too many files and too many fields (413)', async () => {
    const files = new FormData();
    for (let i = 0; i < 3; i++) files.append(`f${i}`, blob(10));
    const r = await parse(files, { ...DEFAULT_UPLOAD_LIMITS, maxFiles: 2 });
    expect(!r.ok && r.error.code).toBe('upload_too_many_files');
    const fields = new FormData();
    for (let i = 0; i < 3; i++) fields.append(`k${i}`, 'v');
    const f = await parse(fields, { ...DEFAULT_UPLOAD_LIMITS, maxFields: 2 });
    expect(!f.ok && f.error.code).toBe('upload_too_many_files');
  });

  it('refuses odd field names and repeated fields (400)', async () => {
    const odd = new FormData();
    odd.append('../x', blob(1));
    const r = await parse(odd);
    expect(!r.ok && [r.error.code, r.error.status]).toEqual(['upload_unexpected_field', 400]);
    const twice = new FormData();
    twice.append('photo1', blob(1));
    twice.append('photo1', blob(1));
    const t = await parse(twice);
    expect(!t.ok && t.error.code).toBe('upload_bad_request');
  });

  it('refuses an over-long text field', async () => {
    const form = new FormData();
    form.append('meta', 'x'.repeat(300 * 1024));
    const r = await parse(form);
    expect(!r.ok && r.error.code).toBe('upload_too_large');
  });

  it('refuses non-multipart bodies (415) and malformed multipart (400)', async () => {
    const json = await parseMultipart(
      request(Buffer.from('{}'), { 'content-type': 'application/json' }),
      DEFAULT_UPLOAD_LIMITS,
    );
    expect(!json.ok && [json.error.code, json.error.status]).toEqual(['upload_unsupported_type', 415]);
    const noBoundary = await parseMultipart(
      request(Buffer.from('--x\r\n'), { 'content-type': 'multipart/form-data' }),
      DEFAULT_UPLOAD_LIMITS,
    );
    expect(!noBoundary.ok && noBoundary.error.code).toBe('upload_bad_request');
    const cut = await parseMultipart(
      request(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nval'), {
        'content-type': 'multipart/form-data; boundary=b',
      }),
      DEFAULT_UPLOAD_LIMITS,
    );
    expect(!cut.ok && cut.error.code).toBe('upload_bad_request');
  });
});
