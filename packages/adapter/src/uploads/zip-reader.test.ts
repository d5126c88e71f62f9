import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UPLOAD_ERRORS } from './errors.js';
import { openZip, type ZipLimits } from './zip-reader.js';

/*
 * Archives are crafted by hand here because ordinary writers (JSZip included) refuse or rewrite
 * exactly the things an attacker sends: `..` names, duplicates, lying sizes, overlapping entries.
 */
interface CraftEntry {
  name: string;
  data: Buffer;
  method?: 0 | 8;
  localName?: string;
  declaredSize?: number;
  declaredCrc?: number;
  flags?: number;
  methodOverride?: number;
  /** Compressed size written to the central directory only. */
  centralCompressed?: number;
}

function craftZip(entries: CraftEntry[], opts: { reuseFirstData?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let firstOffset = 0;
  entries.forEach((e, i) => {
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, 'utf8');
    const localName = Buffer.from(e.localName ?? e.name, 'utf8');
    const crc = e.declaredCrc ?? crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(e.flags ?? 0, 6);
    lh.writeUInt16LE(e.methodOverride ?? method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(localName.length, 26);
    const useOffset = opts.reuseFirstData && i > 0 ? firstOffset : offset;
    if (!(opts.reuseFirstData && i > 0)) {
      locals.push(lh, localName, body);
      if (i === 0) firstOffset = offset;
      offset += lh.length + localName.length + body.length;
    }
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(e.flags ?? 0, 8);
    ch.writeUInt16LE(e.methodOverride ?? method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(e.centralCompressed ?? body.length, 20);
    ch.writeUInt32LE(e.centralCompressed ?? size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(useOffset, 42);
    centrals.push(ch, name);
  });
  const central = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(central.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, eocd]);
}

const limits: ZipLimits = { maxEntries: 10, maxUncompressedBytes: 1024 * 1024, maxRatio: 50 };
const small = (n: string, text = 'hello') => ({ name: n, data: Buffer.from(text) });

function codeOf(zip: Buffer, l: ZipLimits = limits): string {
  const opened = openZip(zip, l);
  if (!opened.ok) return opened.error.code;
  for (const entry of opened.value.entries) {
    const r = opened.value.read(entry);
    if (!r.ok) return r.error.code;
  }
  return 'ok';
}

describe('openZip', () => {
  it('reads a well-formed archive, stored and deflated', () => {
    const zip = craftZip([small('a.txt'), { ...small('b.txt', 'stored'), method: 0 }]);
    const opened = openZip(zip, limits);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.entries.map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
    const b = opened.value.read(opened.value.entries[1] as (typeof opened.value.entries)[number]);
    expect(b.ok && b.value.toString()).toBe('stored');
  });

  it.each([['../evil.txt'], ['/abs.txt'], ['dir\\evil.txt'], ['dir/../../evil.txt']])(
    'refuses the entry name %j',
    (name) => {
      expect(codeOf(craftZip([small('ok.txt'), small(name)]))).toBe('upload_bad_entry_name');
    },
  );

  it('refuses duplicate names, also differing only in case', () => {
    expect(codeOf(craftZip([small('a.txt'), small('a.txt')]))).toBe('upload_bad_entry_name');
    expect(codeOf(craftZip([small('a.txt'), small('A.TXT')]))).toBe('upload_bad_entry_name');
  });

  it('refuses a local header whose name differs from the directory', () => {
    expect(codeOf(craftZip([{ ...small('a.txt'), localName: '../a.txt' }]))).toBe('upload_bad_entry_name');
  });

  it('refuses too many entries before parsing them', () => {
    const many = Array.from({ length: 11 }, (_, i) => small(`f${i}.txt`));
    expect(codeOf(craftZip(many))).toBe('upload_too_many_entries');
  });

  it('refuses a high compression ratio from the directory alone', () => {
    const zeros = Buffer.alloc(512 * 1024);
    expect(codeOf(craftZip([{ name: 'z.bin', data: zeros }]))).toBe('upload_zip_bomb');
  });

  it('refuses archives whose declared total is over the limit', () => {
    const big = { maxEntries: 10, maxUncompressedBytes: 1000, maxRatio: 50 };
    expect(codeOf(craftZip([small('a.txt', 'x'.repeat(600)), small('b.txt', 'y'.repeat(600))]), big)).toBe(
      'upload_zip_bomb',
    );
  });

  it('stops an entry that inflates beyond its declared size', () => {
    // Declares 10 bytes, really inflates to 200 kB: caught during inflation, not after.
    const lying = { name: 'lie.bin', data: Buffer.alloc(200 * 1024, 1), declaredSize: 10 };
    expect(codeOf(craftZip([lying]))).toBe('upload_zip_bomb');
  });

  it('refuses overlapping entries (non-recursive zip bomb)', () => {
    // a.txt claims a byte range that swallows b.txt's local header and data.
    const zip = craftZip([
      { ...small('a.txt'), method: 0, centralCompressed: 40 },
      { ...small('b.txt'), method: 0 },
    ]);
    expect(codeOf(zip)).toBe('upload_zip_bomb');
  });

  it('refuses entries pointing at the local header of another entry', () => {
    const zip = craftZip([small('a.txt'), small('b.txt')], { reuseFirstData: true });
    expect(codeOf(zip)).toBe('upload_bad_entry_name');
  });

  it('refuses encryption, unknown methods and CRC mismatches', () => {
    expect(codeOf(craftZip([{ ...small('a.txt'), flags: 1 }]))).toBe('upload_bad_zip');
    expect(codeOf(craftZip([{ ...small('a.txt'), methodOverride: 12 }]))).toBe('upload_bad_zip');
    expect(codeOf(craftZip([{ ...small('a.txt'), declaredCrc: 1234 }]))).toBe('upload_bad_zip');
  });

  it('refuses things that are not archives', () => {
    expect(codeOf(Buffer.from('<html><body>hi</body></html>'))).toBe('upload_bad_zip');
    expect(codeOf(Buffer.alloc(0))).toBe('upload_bad_zip');
    const zip = craftZip([small('a.txt')]);
    expect(codeOf(zip.subarray(0, zip.length - 5))).toBe('upload_bad_zip');
    expect(codeOf(zip.subarray(10))).toBe('upload_bad_zip');
  });

  it('never throws on randomly damaged archives', () => {
    const zip = craftZip([
      small('a.txt', 'a'.repeat(300)),
      small('b.txt', 'some text'),
      { ...small('c.txt'), method: 0 },
    ]);
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let round = 0; round < 500; round++) {
      const copy = Buffer.from(zip);
      const flips = 1 + (rand() % 4);
      for (let f = 0; f < flips; f++) copy[rand() % copy.length] = rand() & 0xff;
      const code = codeOf(copy);
      expect(code === 'ok' || code in UPLOAD_ERRORS).toBe(true);
    }
  });
});
