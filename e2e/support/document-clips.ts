import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFrame, viewRectToSource } from '../../packages/plugin/src/document/geometry.js';
import { fixturesDir } from './env.js';

/**
 * Fake-camera clips for the document specs, made at test time with ffmpeg from the document and face
 * fixtures (never committed). The camera is 1280x720 (the plugin asks for HD); the page's viewport is
 * 960x720, so the stage shows the middle 960 columns (object-fit: cover) and the ID-1 frame sits where the
 * plugin's own geometry puts it. A specimen "in the frame" is scaled onto exactly that rectangle over a
 * dark desk, as a person holding the card where the frame says would show it.
 */
export const VIEWPORT = { width: 960, height: 720 } as const;
const CAMERA = { width: 1280, height: 720 } as const;

export const DOCUMENTS = {
  td3: 'passport_td3_utopia_specimen.jpg',
  td2: 'travel_doc_td2_utopia_specimen.jpg',
  lux: 'passport_lux_specimen_photographed.jpg',
} as const;
export type Specimen = keyof typeof DOCUMENTS;

const dir = () => {
  const d = join(tmpdir(), 'open-liveness-document-clips');
  mkdirSync(d, { recursive: true });
  return d;
};
/** Runs ffmpeg writing `out` (the last argument) through a temporary name, so a failed run leaves nothing. */
function ffmpeg(args: string[]): void {
  const out = args[args.length - 1] as string;
  const part = out.replace(/(\.\w+)$/, '.part$1');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args.slice(0, -1), part]);
  renameSync(part, out);
}

export const specimenPath = (s: Specimen) => join(fixturesDir, 'documents', DOCUMENTS[s]);
export const SELFIE_720P = () => join(fixturesDir, 'video', 'selfie_blink_smile_720p.mjpeg');

/** The ID-1 frame in camera pixels for the test viewport (the same computation the plugin makes). */
export function frameInCamera(): { x: number; y: number; width: number; height: number } {
  const view = documentFrame(VIEWPORT.width, VIEWPORT.height, 'id1');
  const r = viewRectToSource(view, VIEWPORT, CAMERA);
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
}

/** Whose portrait the passport page carries: the selfie clip's person, or another one (a faces fixture). */
export type Holder = 'same' | 'other';

/** Head-and-shoulders 3:4 crops: the selfie clip's first second, and fr_biden (measured as in the adapter's test). */
const PORTRAITS: Record<Holder, { input: string[]; crop: string }> = {
  same: {
    input: ['-f', 'mjpeg'],
    crop: 'trim=start_frame=15:end_frame=16,setpts=PTS-STARTPTS,crop=360:480:460:90',
  },
  other: { input: [], crop: 'crop=700:933:215:0' },
};

/** The TD3 specimen with its portrait replaced by `holder`'s face, so the selfie matches it or not. */
function passportOf(holder: Holder): string {
  const out = join(dir(), `td3_portrait_${holder}.png`);
  if (existsSync(out)) return out;
  const face = holder === 'same' ? SELFIE_720P() : join(fixturesDir, 'faces', 'fr_biden.jpg');
  ffmpeg([
    '-i',
    specimenPath('td3'),
    ...PORTRAITS[holder].input,
    '-i',
    face,
    '-filter_complex',
    `[1:v]${PORTRAITS[holder].crop},scale=300:400[p];[0:v][p]overlay=126:212`,
    '-frames:v',
    '1',
    out,
  ]);
  return out;
}

/** One camera picture: the document filling the frame on a dark desk, or (`loose`) just fitted into view. */
function documentPicture(source: string, name: string, loose: boolean): string {
  const out = join(dir(), `${name}${loose ? '_loose' : ''}.png`);
  if (existsSync(out)) return out;
  const f = frameInCamera();
  const place = loose
    ? `scale=${VIEWPORT.width}:${CAMERA.height}:force_original_aspect_ratio=decrease,pad=${CAMERA.width}:${CAMERA.height}:(ow-iw)/2:(oh-ih)/2:color=0x303030`
    : `scale=${f.width}:${f.height},pad=${CAMERA.width}:${CAMERA.height}:${f.x}:${f.y}:color=0x303030`;
  ffmpeg(['-i', source, '-vf', `${place},format=rgb24`, '-frames:v', '1', out]);
  return out;
}

/** Derived pictures of a page held in the frame: turned 8°, leaning back (its edges leave the frame), or with a glare spot. */
export type Variant = 'tilted' | 'perspective' | 'glare';
const VARIANTS: Record<Variant, string> = {
  tilted: 'rotate=8*PI/180:c=0x303030',
  // Held leaning back: the top edge narrower than the bottom one.
  perspective: 'perspective=x0=W*0.12:y0=0:x1=W*0.88:y1=0:x2=0:y2=H:x3=W:y3=H:sense=destination',
  glare: 'eq=brightness=-0.2,drawbox=x=iw*0.45:y=ih*0.3:w=iw*0.16:h=ih*0.18:color=white:t=fill',
};

/** `specimen` in the frame, then changed by `variant` (ffmpeg), looped into a clip. */
export function variantClip(specimen: Specimen, variant: Variant): string {
  const out = join(dir(), `${specimen}_${variant}.mjpeg`);
  if (existsSync(out)) return out;
  const still = documentPicture(specimenPath(specimen), specimen, false);
  ffmpeg([
    '-loop',
    '1',
    '-framerate',
    '30',
    '-t',
    '4',
    '-i',
    still,
    '-vf',
    VARIANTS[variant],
    ...MJPEG_OUT,
    out,
  ]);
  return out;
}

const MJPEG_OUT = ['-pix_fmt', 'yuvj420p', '-q:v', '4', '-f', 'mjpeg'];

/**
 * A still document looped into a clip: `specimen` in the frame (auto-capture may fire), or `loose`
 * (fitted into the view at its own angle and size: the photographed passport, shot with the shutter).
 */
export function documentClip(specimen: Specimen, opts: { loose?: boolean } = {}): string {
  const name = `${specimen}${opts.loose ? '_loose' : ''}`;
  const out = join(dir(), `${name}.mjpeg`);
  if (existsSync(out)) return out;
  const still = documentPicture(specimenPath(specimen), specimen, opts.loose === true);
  ffmpeg(['-loop', '1', '-framerate', '30', '-t', '4', '-i', still, ...MJPEG_OUT, out]);
  return out;
}

/**
 * The mixed flow's camera: the 720p selfie clip (10 s), then the passport page (of the same person or of
 * another) held in the frame (10 s); Chromium loops the file, so each action finds its picture in one turn.
 */
export function selfieThenPassportClip(holder: Holder = 'same'): string {
  const out = join(dir(), `selfie_then_passport_${holder}.mjpeg`);
  if (existsSync(out)) return out;
  const still = documentPicture(passportOf(holder), `td3_held_${holder}`, false);
  ffmpeg([
    '-framerate',
    '30',
    '-f',
    'mjpeg',
    '-i',
    SELFIE_720P(),
    '-loop',
    '1',
    '-framerate',
    '30',
    '-t',
    '10',
    '-i',
    still,
    '-filter_complex',
    '[0:v]format=yuvj420p,setsar=1[a];[1:v]format=yuvj420p,setsar=1[b];[a][b]concat=n=2:v=1[v]',
    '-map',
    '[v]',
    ...MJPEG_OUT,
    out,
  ]);
  return out;
}
