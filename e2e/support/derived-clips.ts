import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Clips that show one capture problem each, derived from a real clip with ffmpeg at test time (the
 * fixtures stay in ../shared; derived files go to the temp folder, never into the repo).
 */
export const DERIVED_FILTERS = {
  far: 'scale=320:240,pad=640:480:160:120',
  near: 'crop=320:240:166:172,scale=640:480',
  offcentre: 'crop=440:480:0:0,pad=640:480:200:0',
  tilted: 'rotate=28*PI/180',
  dark: 'eq=brightness=-0.33',
  blurry: 'boxblur=5:2',
} as const;
export type ProblemClip = keyof typeof DERIVED_FILTERS;

/** The same face as another kind of camera delivers it: `hd` is a 16:9 1280×720 webcam (4:3 picture, pillarboxed). */
export const CAMERA_FILTERS = {
  hd: 'scale=960:720,pad=1280:720:160:0',
} as const;
export type DerivedClip = ProblemClip | keyof typeof CAMERA_FILTERS;
const FILTERS: Record<DerivedClip, string> = { ...DERIVED_FILTERS, ...CAMERA_FILTERS };

export function derivedClip(name: DerivedClip, source: string): string {
  const dir = join(tmpdir(), 'open-liveness-derived-clips');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${name}.mjpeg`);
  if (!existsSync(out)) {
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'mjpeg',
      '-framerate',
      '30',
      '-i',
      source,
      '-vf',
      FILTERS[name],
      '-q:v',
      '3',
      '-f',
      'mjpeg',
      out,
    ]);
  }
  return out;
}
