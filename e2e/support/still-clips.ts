import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir } from './env.js';

/** The labelled anti-spoofing stills (fixtures/antispoof/MANIFEST.md): one live face, a print, two screens. */
export const ANTISPOOF_STILLS = {
  live: 'minivision_image_T1.jpg',
  print: 'minivision_image_F1.jpg',
  screen: 'minivision_image_F2.jpg',
  screen_hyperfas: 'hyperfas_fake_screen.png',
} as const;
export type AntispoofStill = keyof typeof ANTISPOOF_STILLS;

export const stillSource = (name: AntispoofStill): string =>
  join(fixturesDir, 'antispoof', ANTISPOOF_STILLS[name]);

/**
 * A still of a live person that passes the capture guidance: frame 45 of the live webcam clip
 * `video/neutral_frontal.mjpeg` (the live antispoof still, T1, looks away: yaw 23°, so no capture starts on it).
 */
export function liveWebcamStill(): string {
  const dir = join(tmpdir(), 'open-liveness-still-clips');
  mkdirSync(dir, { recursive: true });
  const png = join(dir, 'live_webcam.png');
  if (!existsSync(png)) {
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'mjpeg',
      '-i',
      join(fixturesDir, 'video', 'neutral_frontal.mjpeg'),
      '-vf',
      'select=eq(n\\,45)',
      '-frames:v',
      '1',
      png,
    ]);
  }
  return loopStill(png, 'live_webcam');
}

/**
 * A fake-camera clip made at test time from one still: the image (EXIF orientation applied by ffmpeg) fitted
 * into 640x480, repeated for 4 s at 30 fps as MJPEG (Chromium loops it). Written to the temp folder, never
 * into the repo.
 */
export function stillClip(name: AntispoofStill): string {
  return loopStill(stillSource(name), name);
}

function loopStill(source: string, name: string): string {
  const dir = join(tmpdir(), 'open-liveness-still-clips');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${name}.mjpeg`);
  if (!existsSync(out)) {
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-loop',
      '1',
      '-framerate',
      '30',
      '-t',
      '4',
      '-i',
      source,
      '-vf',
      'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,format=yuvj420p',
      '-q:v',
      '3',
      '-f',
      'mjpeg',
      out,
    ]);
  }
  return out;
}
