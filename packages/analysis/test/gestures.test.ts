import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaInfo, MediaRecord } from '../src/domain/types.js';
import { checkClip } from '../src/jobs/clipChecks.js';
import type { JobContext } from '../src/jobs/types.js';
import { FaceEngine, REQUIRED_MODEL_FILES } from '../src/models/engine.js';
import type { MetadataStore } from '../src/storage/types.js';
import { clipFrames, shotSetZip } from './helpers/clips.js';
import { assetsPresent, FIXTURES_DIR, MODELS_DIR } from './helpers/env.js';

const available = assetsPresent('server-side gesture checks', [
  ...REQUIRED_MODEL_FILES.map((f) => join(MODELS_DIR, f)),
  join(FIXTURES_DIR, 'video', 'head_turn_and_nod.mjpeg'),
]);

const TAG: Record<string, string> = {
  left: 'video_selfie_left',
  right: 'video_selfie_right',
  down: 'video_selfie_down',
  high: 'video_selfie_high',
  smile: 'video_selfie_smile',
  blink: 'video_selfie_eyes',
  blank: 'video_selfie_blank',
};

/**
 * Spans of the fixture clips (MANIFEST.md timelines) and what the server must conclude when the
 * span is tagged with an action. Each span starts on a still face, as the plugin's clips do.
 */
const SPANS = [
  // The real gestures.
  { clip: 'head_turn_and_nod', from: 0, to: 1.3, action: 'right', verified: true },
  { clip: 'head_turn_and_nod', from: 1.6, to: 2.5, action: 'left', verified: true },
  { clip: 'head_turn_and_nod', from: 2.8, to: 4.3, action: 'down', verified: true },
  { clip: 'head_turn_and_nod', from: 4.8, to: 5.8, action: 'high', verified: true },
  { clip: 'selfie_blink_smile', from: 0, to: 2, action: 'blink', verified: true },
  { clip: 'neutral_frontal', from: 3.5, to: 4.8, action: 'blink', verified: true },
  { clip: 'selfie_blink_smile', from: 5.5, to: 7.5, action: 'smile', verified: true },
  // A neutral face tagged as each gesture.
  ...(['left', 'down', 'smile', 'blink'] as const).map((action) => ({
    clip: 'neutral_frontal',
    from: 0,
    to: 1.1,
    action,
    verified: false,
  })),
  // The wrong gesture: a turn tagged as a nod or a smile, a nod tagged as a turn.
  { clip: 'head_turn_and_nod', from: 0, to: 1.3, action: 'left', verified: false },
  { clip: 'head_turn_and_nod', from: 2.8, to: 4.3, action: 'high', verified: false },
  // A smile held from the first frame is not a smile made on request.
  { clip: 'smile_broad', from: 0, to: 2, action: 'smile', verified: false },
] as const;

describe.skipIf(!available)('server-side clip checks on real fixture clips', () => {
  let engine: FaceEngine;
  let n = 0;
  const context = (zip: Buffer): JobContext => ({
    engine,
    // Quality jobs never read documents: an OCR that is never called.
    ocr: {
      recognize: () => Promise.reject(new Error('no OCR in gesture tests')),
      close: async () => {},
    },
    meta: {} as MetadataStore,
    readBytes: async () => zip,
    settings: {
      livenessThreshold: 0.5,
      biometryThreshold: 0.4,
      collectionThreshold: 0.45,
      maxFramesPerMedia: 5,
      maxGestureFrames: 60,
      identityThreshold: 0.3,
    },
  });
  const media = (action: string): MediaRecord => ({
    media_id: `m${++n}`,
    folder_id: 'f',
    company_id: 'c',
    media_type: 'SHOTS_SET_FOLDER',
    original_name: 'video.zip',
    tags: ['video_selfie', TAG[action] ?? action, 'orientation_landscape'],
    meta_data: {},
    info: {} as MediaInfo,
    blob_key: 'k',
    time_created: 0,
    time_updated: 0,
  });
  const check = async (action: string, zip: Buffer) => {
    const r = await checkClip(media(action), context(zip));
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  beforeAll(async () => {
    engine = await FaceEngine.load(MODELS_DIR, 1);
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.each(SPANS)('$clip $from–$to s tagged $action: verified=$verified', async (s) => {
    const report = await check(s.action, await shotSetZip(clipFrames(s.clip, s.from, s.to)));
    if (process.env.GESTURE_REPORT) console.log(JSON.stringify({ ...s, ...report.details }));
    expect(report.details.gesture_verified).toBe(s.verified);
    if (s.verified) expect(report.reasons).toEqual([]);
    else expect(report.reasons).toContain('gesture_not_performed');
  });

  it('declines two faces', async () => {
    const report = await check('blank', await shotSetZip(clipFrames('two_faces', 0, 1)));
    expect(report.reasons).toContain('multiple_faces');
  });

  it('declines frames of two different people in one clip', async () => {
    const frames = [...clipFrames('neutral_frontal', 0, 0.5), ...clipFrames('selfie_blink_smile', 0, 0.5)];
    const report = await check('blank', await shotSetZip(frames));
    expect(report.reasons).toContain('identity_inconsistent');
  });

  it('keeps one person together across a large head turn', async () => {
    const report = await check('blank', await shotSetZip(clipFrames('head_turn_left_right', 0, 3.8)));
    expect(report.reasons).not.toContain('identity_inconsistent');
  });

  it('catches a frozen stream (duplicated frames), tampered frames and bad timestamps', async () => {
    const frames = clipFrames('head_turn_and_nod', 0, 1.3);
    const frozen = [...frames.slice(0, 5), frames[4] as Buffer, ...frames.slice(5)];
    expect((await check('right', await shotSetZip(frozen))).reasons).toContain('frames_duplicated');

    const hashes = frames.map(() => 'ab'.repeat(32));
    expect((await check('right', await shotSetZip(frames, { hashes }))).reasons).toContain(
      'frame_hash_mismatch',
    );

    const backwards = frames.map((_, i) => (frames.length - i) * 100);
    expect((await check('right', await shotSetZip(frames, { times: backwards }))).reasons).toContain(
      'frame_timestamps_invalid',
    );
    const minutes = frames.map((_, i) => i * 60_000);
    expect((await check('right', await shotSetZip(frames, { times: minutes }))).reasons).toContain(
      'frame_timestamps_invalid',
    );
    expect((await check('right', await shotSetZip(frames, { noManifest: true }))).reasons).toContain(
      'frame_manifest_missing',
    );
    // The same frames, honestly packed, pass.
    expect((await check('right', await shotSetZip(frames))).reasons).toEqual([]);
  });
});
