import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentHint } from './hints.js';
import { frameStats, type Grey } from './stats.js';

/*
 * The hints on real document imagery: the fixture pages turned with ffmpeg at test time into the
 * greyscale 160x101 crop the plugin measures (the document frame plus its 8% inset on each side).
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixtures = process.env.LIVENESS_FIXTURES ?? join(repo, '../shared/fixtures');
const TD2 = join(fixtures, 'documents', 'travel_doc_td2_utopia_specimen.jpg');
const ROOM = join(fixtures, 'images', 'no_face_empty_room.jpg');
const W = 160;
const H = 101;
let ffmpeg = true;
try {
  execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
} catch {
  ffmpeg = false;
}
const present = ffmpeg && existsSync(TD2) && existsSync(ROOM);
if (!present) {
  const msg = '[document hints on fixtures] needs ffmpeg and the document fixtures';
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`!!! SKIPPING: ${msg}`);
}

/** The image behind `filter`, as the grey crop of the frame region. */
function crop(source: string, filter: string, after = 'null'): Grey {
  const out = execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-i',
    source,
    '-vf',
    `${filter},scale=${W}:${H},${after},format=gray`,
    '-frames:v',
    '1',
    '-f',
    'rawvideo',
    '-',
  ]);
  return { width: W, height: H, data: new Uint8Array(out.buffer, out.byteOffset, W * H) };
}

// The page exactly in the frame: a dark desk showing 8% around it (the crop's inset).
const inFrame = 'pad=iw*1.19:ih*1.19:(ow-iw)/2:(oh-ih)/2:color=0x303030';
// The same page far away: it covers about half the frame.
const far = 'pad=iw*2.2:ih*2.2:(ow-iw)/2:(oh-ih)/2:color=0x303030';

describe.skipIf(!present)('document hints on the fixtures', () => {
  it('a page that fills the frame gets no hint: auto-capture may fire', () => {
    const s = frameStats(crop(TD2, inFrame), null);
    expect(documentHint(s), JSON.stringify(s)).toBeNull();
  });

  it('no document in view: the empty room says so', () => {
    const s = frameStats(crop(ROOM, 'null'), null);
    expect(documentHint(s), JSON.stringify(s)).toBe('document_not_in_frame');
  });

  it('a far page asks to come closer, a dark one says too dark, a blurred one says blurred', () => {
    const farHint = documentHint(frameStats(crop(TD2, far), null));
    expect(['move_closer', 'document_not_in_frame']).toContain(farHint);
    expect(documentHint(frameStats(crop(TD2, `${inFrame},eq=brightness=-0.6`), null))).toBe('too_dark');
    // Out of focus at the scale the plugin measures (a 3 px blur on the 160 px crop).
    const blurred = frameStats(crop(TD2, inFrame, 'boxblur=3:2'), null);
    expect(documentHint(blurred), JSON.stringify(blurred)).toBe('blurred');
  });

  it('a glare spot says glare', () => {
    // A camera sees the white page a little grey; the glare spot burns out to white.
    const glare = `${inFrame},eq=brightness=-0.25,drawbox=x=iw*0.3:y=ih*0.3:w=iw*0.25:h=ih*0.2:color=white:t=fill`;
    expect(documentHint(frameStats(crop(TD2, glare), null))).toBe('glare');
  });
});
