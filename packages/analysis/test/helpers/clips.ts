import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { FIXTURES_DIR } from './env.js';

/**
 * Frames of a fixture clip between two times, at 10 fps, extracted with ffmpeg at test time into
 * the temp folder (the fixtures are never copied into the repo). Cached per clip and span.
 */
export function clipFrames(clip: string, fromS: number, toS: number): Buffer[] {
  const dir = join(tmpdir(), 'open-liveness-clip-frames', `${clip}_${fromS}_${toS}`);
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length === 0) {
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'mjpeg',
      '-framerate',
      '30',
      '-i',
      join(FIXTURES_DIR, 'video', `${clip}.mjpeg`),
      '-ss',
      String(fromS),
      '-t',
      String(toS - fromS),
      '-vf',
      'fps=10',
      '-q:v',
      '3',
      join(dir, '%03d.jpg'),
    ]);
  }
  return readdirSync(dir)
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export interface ShotSetOptions {
  /** Per-frame timestamps (ms); default every 100 ms. */
  times?: number[];
  /** Per-frame hashes; default the real SHA-256 of each frame. */
  hashes?: (string | undefined)[];
  /** Leave manifest.json out. */
  noManifest?: boolean;
}

/** A shots-set ZIP laid out like the plugin's (frames stored, manifest.json beside them). */
export async function shotSetZip(frames: readonly Buffer[], o: ShotSetOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  const names = frames.map((_, i) => `${String(i).padStart(3, '0')}.jpg`);
  frames.forEach((f, i) => {
    zip.file(names[i] as string, f, { compression: 'STORE' });
  });
  if (!o.noManifest) {
    zip.file(
      'manifest.json',
      JSON.stringify({
        version: 1,
        action: 'video_selfie_blank',
        orientation: 'landscape',
        frames: names.map((name, i) => ({
          name,
          t: o.times ? o.times[i] : i * 100,
          box: null,
          sha256: o.hashes ? o.hashes[i] : sha256(frames[i] as Buffer),
        })),
        best_frame: names[0],
        additional_info: '{}',
      }),
    );
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}
