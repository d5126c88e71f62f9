import JSZip from 'jszip';
import { frameName, type ShotSetManifest, sha256Hex, withFrameHashes } from './shot-set.js';

export interface PackRequest {
  id: number;
  sets: Array<{ frames: Blob[]; manifest: ShotSetManifest }>;
}
export type PackResponse = { id: number; zips: Blob[] } | { id: number; error: string };

/** One ZIP shot set: the JPEG frames (already compressed, so stored) and manifest.json. */
export async function zipShotSet(frames: readonly Blob[], manifest: ShotSetManifest): Promise<Blob> {
  const hashes = await Promise.all(frames.map(async (f) => sha256Hex(await f.arrayBuffer())));
  const hashed = withFrameHashes(manifest, hashes);
  const zip = new JSZip();
  frames.forEach((jpeg, i) => {
    zip.file(frameName(i), jpeg, { compression: 'STORE' });
  });
  zip.file('manifest.json', JSON.stringify(hashed), { compression: 'DEFLATE' });
  return zip.generateAsync({ type: 'blob', mimeType: 'application/zip' });
}
