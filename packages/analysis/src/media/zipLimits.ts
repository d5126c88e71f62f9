/**
 * Caps of the standalone service for ZIP shots sets, checked against the central directory before
 * any byte is inflated (the same limits as the adapter's `limits.zip_*`, with the same defaults).
 * Inflation is capped again when frames are read (shotsSet.ts), so an entry that lies about its
 * size is stopped there.
 */
export interface ZipCaps {
  readonly maxEntries: number;
  readonly maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of one entry above 4 KiB (JPEG frames are ~1). */
  readonly maxRatio: number;
}

export const DEFAULT_ZIP_CAPS: ZipCaps = {
  maxEntries: 400,
  maxUncompressedBytes: 128 * 1024 * 1024,
  maxRatio: 50,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const RATIO_FLOOR_BYTES = 4096;

/** Null when the archive's directory is within the caps, else why not. */
export function zipCapViolation(zip: Uint8Array, caps: ZipCaps): string | null {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  if (view.length < EOCD_SIZE) return 'not a ZIP archive';
  let eocd = -1;
  for (let i = view.length - EOCD_SIZE; i >= Math.max(0, view.length - EOCD_SIZE - 0xffff); i--) {
    if (view.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'end of central directory not found';
  const count = view.readUInt16LE(eocd + 10);
  const offset = view.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return 'ZIP64 archives are not supported';
  if (count > caps.maxEntries) return `${count} entries > ${caps.maxEntries}`;
  let total = 0;
  let pos = offset;
  for (let n = 0; n < count; n++) {
    if (pos + CENTRAL_SIZE > eocd || view.readUInt32LE(pos) !== CENTRAL_SIGNATURE)
      return `directory entry ${n} is damaged`;
    const compressed = view.readUInt32LE(pos + 20);
    const uncompressed = view.readUInt32LE(pos + 24);
    total += uncompressed;
    if (total > caps.maxUncompressedBytes)
      return `uncompressed total exceeds ${caps.maxUncompressedBytes} bytes`;
    if (uncompressed > RATIO_FLOOR_BYTES && uncompressed > caps.maxRatio * Math.max(1, compressed)) {
      return `entry ${n} expands more than ${caps.maxRatio}×`;
    }
    pos +=
      CENTRAL_SIZE + view.readUInt16LE(pos + 28) + view.readUInt16LE(pos + 30) + view.readUInt16LE(pos + 32);
  }
  return null;
}
