import JSZip from 'jszip';
import {
  ANALYSIS_ERRORS,
  type AnalysisFailure,
  analysisFailure,
  err,
  ok,
  type Result,
} from '../domain/errors.js';
import { DEFAULT_ZIP_CAPS, type ZipCaps, zipCapViolation } from './zipLimits.js';

const FRAME_NAME = /\.(jpe?g|png)$/i;

/** Inflates one entry, aborting as soon as it exceeds `cap` bytes (an entry may lie about its size). */
function readCapped(entry: JSZip.JSZipObject, cap: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size > cap) {
        stream.removeAllListeners('data');
        reject(new Error(`entry ${entry.name} inflates beyond ${cap} bytes`));
        return;
      }
      chunks.push(c);
    });
    stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    stream.on('error', reject);
  });
}

export interface ShotsSet {
  /** Frame entry names in capture order (natural sort: frame_2 before frame_10). */
  readonly frames: readonly string[];
  read(name: string): Promise<Uint8Array>;
  /** The packer's `manifest.json` (timestamps, hashes), undefined when the archive has none. */
  manifestText(maxBytes?: number): Promise<string | undefined>;
}

/**
 * Opens a ZIP shots set (one archive per video action). Non-image entries (a manifest, say) are
 * ignored; `__MACOSX` resource forks too. The entry cap keeps a hostile archive from making us
 * enumerate millions of entries.
 */
export async function openShotsSet(
  bytes: Uint8Array,
  maxEntries = 1000,
  caps: ZipCaps = DEFAULT_ZIP_CAPS,
): Promise<Result<ShotsSet, AnalysisFailure>> {
  const violation = zipCapViolation(bytes, caps);
  if (violation)
    return err(analysisFailure(ANALYSIS_ERRORS.UNSUPPORTED_MEDIA, `Shots set refused: ${violation}`));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return err(analysisFailure(ANALYSIS_ERRORS.UNSUPPORTED_MEDIA, 'Shots set is not a readable ZIP archive'));
  }
  const names = Object.values(zip.files)
    .filter((f) => !f.dir && FRAME_NAME.test(f.name) && !f.name.startsWith('__MACOSX/'))
    .map((f) => f.name);
  if (names.length > maxEntries) {
    return err(
      analysisFailure(ANALYSIS_ERRORS.UNSUPPORTED_MEDIA, `Shots set has more than ${maxEntries} frames`),
    );
  }
  names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return ok({
    frames: names,
    async read(name: string) {
      const entry = zip.file(name);
      if (!entry) throw new Error(`missing entry ${name}`);
      return readCapped(entry, caps.maxUncompressedBytes);
    },
    async manifestText(maxBytes = 256 * 1024) {
      const entry = zip.file('manifest.json');
      if (!entry) return undefined;
      const data = await entry.async('uint8array');
      return data.length <= maxBytes ? new TextDecoder().decode(data) : undefined;
    },
  });
}

/** Up to `count` indices spread evenly over `total` frames, always including first and last. */
export function sampleIndices(total: number, count: number): number[] {
  if (total <= 0 || count <= 0) return [];
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  if (count === 1) return [Math.floor(total / 2)];
  const out = new Set<number>();
  for (let i = 0; i < count; i++) out.add(Math.round((i * (total - 1)) / (count - 1)));
  return [...out];
}
