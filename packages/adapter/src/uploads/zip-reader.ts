import { crc32, inflateRawSync } from 'node:zlib';
import { checkEntryName, findDuplicate } from './entry-name.js';
import { accept, reject, type UploadResult } from './errors.js';

/*
 * A deliberately small ZIP reader for untrusted archives. General-purpose libraries (JSZip,
 * yauzl, adm-zip) trust the declared sizes or inflate whole entries before anyone can object, so a
 * 40 kB file can still allocate gigabytes. Here every limit is checked against the central
 * directory *before* any byte is inflated, and inflation itself is capped with zlib's
 * maxOutputLength, so an entry that lies about its size is stopped at the declared size.
 * Only what the plugin produces is supported: one disk, no ZIP64, no encryption, stored or deflate.
 */

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxUncompressedBytes: number;
  readonly maxRatio: number;
}

export interface ZipEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the local header, and of the compressed data that follows it. */
  readonly localOffset: number;
  readonly dataOffset: number;
}

export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** Inflates one entry, bounded by its declared size, and verifies its CRC. */
  read(entry: ZipEntry): UploadResult<Buffer>;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
/** Entries this small cannot be bombs; their ratio (a short manifest compresses well) is ignored. */
const RATIO_FLOOR_BYTES = 4096;

function findEndOfCentralDirectory(zip: Buffer): number | undefined {
  // The EOCD sits at the very end, followed by a comment of at most 65535 bytes.
  const earliest = Math.max(0, zip.length - EOCD_SIZE - 0xffff);
  for (let i = zip.length - EOCD_SIZE; i >= earliest; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_SIZE + zip.readUInt16LE(i + 20) === zip.length)
      return i;
  }
  return undefined;
}

export function openZip(zip: Buffer, limits: ZipLimits): UploadResult<ZipArchive> {
  if (zip.length < EOCD_SIZE) return reject('upload_bad_zip', 'too short to be a ZIP archive');
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd === undefined) return reject('upload_bad_zip', 'end of central directory not found');

  const diskNumber = zip.readUInt16LE(eocd + 4);
  const centralDisk = zip.readUInt16LE(eocd + 6);
  const entriesOnDisk = zip.readUInt16LE(eocd + 8);
  const entryCount = zip.readUInt16LE(eocd + 10);
  const centralSize = zip.readUInt32LE(eocd + 12);
  const centralOffset = zip.readUInt32LE(eocd + 16);
  if (diskNumber !== 0 || centralDisk !== 0 || entriesOnDisk !== entryCount) {
    return reject('upload_bad_zip', 'multi-disk archives are not supported');
  }
  if (entryCount === 0xffff || centralOffset === 0xffffffff || centralSize === 0xffffffff) {
    return reject('upload_bad_zip', 'ZIP64 archives are not supported');
  }
  // Cheapest check first: the count is known before a single entry is parsed.
  if (entryCount > limits.maxEntries) {
    return reject('upload_too_many_entries', `${entryCount} entries > ${limits.maxEntries}`);
  }
  if (centralOffset + centralSize !== eocd) {
    return reject('upload_bad_zip', 'central directory does not end where the archive says');
  }

  const entries: ZipEntry[] = [];
  let totalUncompressed = 0;
  let pos = centralOffset;
  for (let n = 0; n < entryCount; n++) {
    if (pos + CENTRAL_SIZE > eocd || zip.readUInt32LE(pos) !== CENTRAL_SIGNATURE) {
      return reject('upload_bad_zip', `central directory entry ${n} is damaged`);
    }
    const flags = zip.readUInt16LE(pos + 8);
    const method = zip.readUInt16LE(pos + 10);
    const crc = zip.readUInt32LE(pos + 16);
    const compressedSize = zip.readUInt32LE(pos + 20);
    const uncompressedSize = zip.readUInt32LE(pos + 24);
    const nameLength = zip.readUInt16LE(pos + 28);
    const extraLength = zip.readUInt16LE(pos + 30);
    const commentLength = zip.readUInt16LE(pos + 32);
    const localOffset = zip.readUInt32LE(pos + 42);
    const next = pos + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > eocd) return reject('upload_bad_zip', `central directory entry ${n} overruns the directory`);
    const rawName = zip.subarray(pos + CENTRAL_SIZE, pos + CENTRAL_SIZE + nameLength);
    const name = rawName.toString('utf8');
    pos = next;

    const nameCheck = checkEntryName(name);
    if (!nameCheck.ok) return nameCheck;
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION))
      return reject('upload_bad_zip', `${name}: encrypted`);
    if (method !== 0 && method !== 8)
      return reject('upload_bad_zip', `${name}: compression method ${method}`);
    if (method === 0 && compressedSize !== uncompressedSize) {
      return reject('upload_bad_zip', `${name}: stored entry with different sizes`);
    }

    totalUncompressed += uncompressedSize;
    if (totalUncompressed > limits.maxUncompressedBytes) {
      return reject('upload_zip_bomb', `uncompressed total exceeds ${limits.maxUncompressedBytes} bytes`);
    }
    if (
      uncompressedSize > RATIO_FLOOR_BYTES &&
      uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)
    ) {
      return reject(
        'upload_zip_bomb',
        `${name}: ratio ${(uncompressedSize / Math.max(compressedSize, 1)).toFixed(0)} > ${limits.maxRatio}`,
      );
    }

    // The local header must agree with the directory: parsers that read one or the other would
    // otherwise see different files (a known smuggling trick).
    if (localOffset + LOCAL_SIZE > centralOffset || zip.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) {
      return reject('upload_bad_zip', `${name}: local header missing`);
    }
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    const localName = zip.subarray(localOffset + LOCAL_SIZE, localOffset + LOCAL_SIZE + localNameLength);
    if (!localName.equals(rawName))
      return reject('upload_bad_entry_name', `${name}: local and central names differ`);
    const dataOffset = localOffset + LOCAL_SIZE + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > centralOffset) {
      return reject('upload_bad_zip', `${name}: data runs past the central directory`);
    }
    entries.push({
      name,
      method: method === 0 ? 0 : 8,
      crc32: crc,
      compressedSize,
      uncompressedSize,
      localOffset,
      dataOffset,
    });
  }

  const duplicate = findDuplicate(entries.map((e) => e.name));
  if (duplicate !== undefined)
    return reject('upload_bad_entry_name', `${JSON.stringify(duplicate)}: duplicate`);

  // Overlapping entries let a tiny archive reference the same compressed bytes many times
  // (the "non-recursive zip bomb"); every entry must own its own byte range.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1] as ZipEntry;
    const cur = byOffset[i] as ZipEntry;
    if (prev.dataOffset + prev.compressedSize > cur.localOffset) {
      return reject('upload_zip_bomb', `${cur.name}: overlaps ${prev.name}`);
    }
  }

  return accept({ entries, read: (entry) => readEntry(zip, entry) });
}

function readEntry(zip: Buffer, entry: ZipEntry): UploadResult<Buffer> {
  const raw = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) {
    data = raw;
  } else {
    try {
      // maxOutputLength turns "declared 1 kB, inflates to 1 GB" into an error at 1 kB (+1).
      data = inflateRawSync(raw, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
    } catch (err) {
      if (err instanceof RangeError)
        return reject('upload_zip_bomb', `${entry.name}: inflates beyond its declared size`);
      return reject('upload_bad_zip', `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (data.length !== entry.uncompressedSize) {
    return reject('upload_bad_zip', `${entry.name}: size differs from the directory`);
  }
  if (crc32(data) >>> 0 !== entry.crc32) return reject('upload_bad_zip', `${entry.name}: CRC mismatch`);
  return accept(data);
}
