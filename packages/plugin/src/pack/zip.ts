import JSZip from 'jszip';
import { frameName, type ShotSetManifest } from './shot-set.js';

export interface PackRequest {
  id: number;
  sets: Array<{ frames: Blob[]; manifest: ShotSetManifest }>;
}
export type PackResponse = { id: number; zips: Blob[] } | { id: number; error: string };

/** One ZIP shot set: the JPEG frames (already compressed, so stored) and manifest.json. */
export function zipShotSet(frames: readonly Blob[], manifest: ShotSetManifest): Promise<Blob> {
  const zip = new JSZip();
  frames.forEach((jpeg, i) => {
    zip.file(frameName(i), jpeg, { compression: 'STORE' });
  });
  zip.file('manifest.json', JSON.stringify(manifest), { compression: 'DEFLATE' });
  return zip.generateAsync({ type: 'blob', mimeType: 'application/zip' });
}
