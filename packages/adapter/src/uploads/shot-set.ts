import { accept, reject, type UploadResult } from './errors.js';
import { validateImage } from './image.js';
import type { UploadLimits } from './limits.js';
import { MANIFEST_NAME, parseManifest, type ShotManifest } from './manifest.js';
import { openZip } from './zip-reader.js';

export interface ShotFrame {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

export interface ValidShotSet {
  readonly action: string;
  readonly manifest: ShotManifest;
  /** In manifest order. */
  readonly frames: readonly ShotFrame[];
  /** The archive exactly as received; forward it to the API as a SHOTS_SET after validation. */
  readonly zip: Buffer;
}

export interface ShotSetOptions {
  /** When the route knows which action this part belongs to, the manifest must agree. */
  readonly expectedAction?: string;
}

/**
 * Validates one shot-set archive: sizes and ratios from the directory, entry names, the manifest,
 * that the manifest and the archive list exactly the same frames, and that every frame is a
 * decodable JPEG. Frames are checked one at a time to keep memory flat.
 */
export async function validateShotSet(
  zip: Buffer,
  limits: UploadLimits,
  options: ShotSetOptions = {},
): Promise<UploadResult<ValidShotSet>> {
  if (zip.length > limits.shotsZipBytes) {
    return reject('upload_too_large', `shot set: ${zip.length} bytes > ${limits.shotsZipBytes}`);
  }
  const opened = openZip(zip, {
    maxEntries: limits.zipMaxEntries,
    maxUncompressedBytes: limits.zipMaxUncompressedBytes,
    maxRatio: limits.zipMaxRatio,
  });
  if (!opened.ok) return opened;
  const archive = opened.value;

  const manifestEntry = archive.entries.find((e) => e.name === MANIFEST_NAME);
  if (manifestEntry === undefined) return reject('upload_bad_manifest', `${MANIFEST_NAME} missing`);
  if (manifestEntry.uncompressedSize > limits.manifestBytes) {
    return reject('upload_bad_manifest', `${MANIFEST_NAME}: larger than ${limits.manifestBytes} bytes`);
  }
  const manifestData = archive.read(manifestEntry);
  if (!manifestData.ok) return manifestData;
  const parsed = parseManifest(manifestData.value);
  if (!parsed.ok) return parsed;
  const manifest = parsed.value;
  if (options.expectedAction !== undefined && manifest.action !== options.expectedAction) {
    return reject(
      'upload_bad_manifest',
      `action ${manifest.action} where ${options.expectedAction} was expected`,
    );
  }

  const byName = new Map(archive.entries.filter((e) => e !== manifestEntry).map((e) => [e.name, e]));
  const unlisted = [...byName.keys()].find((name) => !manifest.frames.includes(name));
  if (unlisted !== undefined)
    return reject('upload_bad_manifest', `entry ${unlisted} is not listed in the manifest`);

  const frames: ShotFrame[] = [];
  for (const name of manifest.frames) {
    const entry = byName.get(name);
    if (entry === undefined)
      return reject('upload_bad_manifest', `frame ${name} is listed but not in the archive`);
    const data = archive.read(entry);
    if (!data.ok) return data;
    const image = await validateImage(data.value, {
      label: name,
      kinds: ['jpeg'],
      maxBytes: limits.zipMaxUncompressedBytes,
      maxPixels: limits.imageMaxPixels,
    });
    if (!image.ok) return image;
    frames.push({ name, width: image.value.width, height: image.value.height, bytes: image.value.bytes });
  }
  return accept({ action: manifest.action, manifest, frames, zip });
}
