import { describe, expect, it } from 'vitest';
import { cameraPlan } from '../camera/camera-plan.js';
import { isMobileDevice } from '../camera/device-kind.js';
import { firstFacingMode } from './camera-choice.js';
import { encodePlan, fitSize } from './encode-plan.js';
import { DOCUMENT_ASPECT, documentFrame, viewRectToSource } from './geometry.js';
import { documentHint } from './hints.js';
import { type DocumentEvent, type DocumentState, documentReducer, initialDocumentState } from './machine.js';
import { photoManifestEntries, photoTags } from './payload.js';
import { type FrameStats, frameStats, type Grey } from './stats.js';

describe('document frame geometry', () => {
  it('fits an ID-1 card across a portrait phone and a TD3 page on a desktop', () => {
    const phone = documentFrame(412, 915, 'id1');
    expect(phone.width / phone.height).toBeCloseTo(DOCUMENT_ASPECT.id1, 6);
    expect(phone.width).toBeCloseTo(412 - 2 * 412 * 0.06, 6);
    expect(phone.y + phone.height / 2).toBeCloseTo(915 / 2, 6);
    const desk = documentFrame(1280, 720, 'td3');
    expect(desk.width / desk.height).toBeCloseTo(125 / 88, 6);
    expect(desk.height).toBeCloseTo(720 - 2 * 720 * 0.06, 6);
  });

  it('maps the frame into camera pixels under object-fit cover, mirrored or not', () => {
    // 640x480 camera on a 480x480 view: scale 1, 80 px cropped on each side.
    const r = viewRectToSource(
      { x: 0, y: 0, width: 100, height: 50 },
      { width: 480, height: 480 },
      { width: 640, height: 480 },
    );
    expect(r).toEqual({ x: 80, y: 0, width: 100, height: 50 });
    const m = viewRectToSource(
      { x: 0, y: 0, width: 100, height: 50 },
      { width: 480, height: 480 },
      { width: 640, height: 480 },
      true,
    );
    expect(m.x).toBe(640 - 80 - 100);
  });
});

/** A synthetic crop: background `bg`, a card of `card` grey whose edges sit at the frame borders (inset). */
function crop({ bg = 40, card = 200, inset = 0.08, noise = 0, scale = 1 } = {}): Grey {
  const width = 160;
  const height = 101;
  const data = new Uint8Array(width * height).fill(bg);
  const cx = width / 2;
  const cy = height / 2;
  const hw = (width / 2 - width * inset) * scale;
  const hh = (height / 2 - height * inset) * scale;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (Math.abs(x - cx) <= hw && Math.abs(y - cy) <= hh) {
        // Text-like texture on the card keeps it sharp.
        data[y * width + x] = (x + y) % 6 < 2 ? card - 120 : card;
      }
      if (noise)
        data[y * width + x] = Math.min(255, (data[y * width + x] as number) + ((x * 7 + y * 13) % noise));
    }
  }
  return { width, height, data };
}

describe('frame statistics and hints', () => {
  it('says the document fills the frame when its outline sits on the frame', () => {
    const s = frameStats(crop(), null);
    expect(s.edgeFit).toBeGreaterThan(0.5);
    expect(documentHint(s)).toBeNull();
  });

  it('asks to move closer when the card is small in the frame, and says when there is none', () => {
    expect(documentHint(frameStats(crop({ scale: 0.6 }), null))).toBe('document_not_in_frame');
    const empty: Grey = { width: 160, height: 101, data: new Uint8Array(160 * 101).fill(120) };
    expect(documentHint(frameStats(empty, null))).toBe('document_not_in_frame');
  });

  it('orders the other hints: dark, glare, still, blurred', () => {
    const good: FrameStats = { brightness: 150, glare: 0, sharpness: 500, edgeFit: 0.8, motion: 0 };
    expect(documentHint({ ...good, brightness: 30 })).toBe('too_dark');
    expect(documentHint({ ...good, edgeFit: 0.3 })).toBe('move_closer');
    expect(documentHint({ ...good, glare: 0.1 })).toBe('glare');
    expect(documentHint({ ...good, motion: 20 })).toBe('hold_still');
    expect(documentHint({ ...good, sharpness: 5 })).toBe('blurred');
  });

  it('measures glare and motion', () => {
    const a = crop();
    const glare = crop({ card: 255 });
    expect(frameStats(glare, null).glare).toBeGreaterThan(frameStats(a, null).glare);
    expect(frameStats(a, a).motion).toBe(0);
    expect(frameStats(crop({ noise: 40 }), a).motion).toBeGreaterThan(6);
  });
});

describe('document photo machine', () => {
  type P = { id: number };
  const run = (events: DocumentEvent<P>[], review = true) => {
    let state: DocumentState<P> = initialDocumentState<P>();
    const effects: string[] = [];
    for (const e of events) {
      const step = documentReducer(state, e, { steadyMs: 500, review, autoCapture: true });
      state = step.state;
      effects.push(...step.effects.map((x) => x.type));
    }
    return { state, effects };
  };

  it('auto-captures after the frame stays good, then reviews and finishes', () => {
    const r = run([
      { type: 'frame', t: 0, hint: 'move_closer' },
      { type: 'frame', t: 100, hint: null },
      { type: 'frame', t: 400, hint: null },
      { type: 'frame', t: 650, hint: null },
      { type: 'still_taken', photo: { id: 1 } },
      { type: 'use_photo' },
    ]);
    expect(r.effects).toEqual(['show_hint', 'show_hint', 'take_still', 'show_review', 'complete']);
    expect(r.state).toEqual({ phase: 'done', photo: { id: 1 } });
  });

  it('restarts the steady timer when a hint comes back, and never shoots with no document', () => {
    const r = run([
      { type: 'frame', t: 0, hint: null },
      { type: 'frame', t: 400, hint: 'hold_still' },
      { type: 'frame', t: 600, hint: null },
      { type: 'frame', t: 900, hint: null },
    ]);
    expect(r.state).toMatchObject({ phase: 'framing', goodSince: 600 });
    const none = run(
      Array.from(
        { length: 50 },
        (_, i) => ({ type: 'frame', t: i * 100, hint: 'document_not_in_frame' }) as const,
      ),
    );
    expect(none.effects).not.toContain('take_still');
  });

  it('shoots on the shutter at any time, retakes from the review', () => {
    const r = run([
      { type: 'frame', t: 0, hint: 'glare' },
      { type: 'shutter' },
      { type: 'still_taken', photo: { id: 1 } },
      { type: 'retake' },
    ]);
    expect(r.effects).toEqual(['show_hint', 'take_still', 'show_review', 'discard', 'show_hint']);
    expect(r.state).toMatchObject({ phase: 'framing' });
  });

  it('skips the review when asked, and fails on timeout or a failed still', () => {
    expect(run([{ type: 'shutter' }, { type: 'still_taken', photo: { id: 2 } }], false).state).toEqual({
      phase: 'done',
      photo: { id: 2 },
    });
    expect(run([{ type: 'timeout' }]).state).toEqual({ phase: 'failed', code: 'capture_timeout' });
    expect(run([{ type: 'shutter' }, { type: 'still_failed' }]).state).toEqual({
      phase: 'failed',
      code: 'still_capture_failed',
    });
  });
});

describe('camera, encoding and payload', () => {
  const desktop = {
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156',
    maxTouchPoints: 0,
    coarsePointer: false,
  };
  const phone = {
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari',
    maxTouchPoints: 5,
    coarsePointer: true,
  };
  const ipad = {
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari',
    maxTouchPoints: 5,
    coarsePointer: true,
  };

  /** The camera a session opens for a document photo, as the capture effects plan it. */
  const documentFacingMode = (device: typeof desktop, requested?: 'user' | 'environment') => {
    const mobile = isMobileDevice(device);
    return cameraPlan({
      useForLiveness: null,
      cameraFacingMode: firstFacingMode(requested, mobile, 'photo_id_front'),
      load3dMask: false,
      mobile,
    }).facingMode;
  };

  it('uses the rear camera on phones and tablets, the front one on desktops, unless asked', () => {
    expect(documentFacingMode(desktop)).toBe('user');
    expect(documentFacingMode(phone)).toBe('environment');
    expect(documentFacingMode(ipad)).toBe('environment');
    expect(documentFacingMode(phone, 'user')).toBe('user');
    // A selfie-first session keeps the front camera on a phone.
    expect(firstFacingMode(undefined, true, 'video_selfie_blank')).toBeUndefined();
  });

  it('fits stills within the side and pixel caps and steps quality before size', () => {
    expect(fitSize(4032, 3024, { maxBytes: 1, maxPixels: 4096 * 4096, maxSide: 3000 })).toEqual({
      width: 3000,
      height: 2250,
    });
    expect(fitSize(640, 480, { maxBytes: 1, maxPixels: 4096 * 4096, maxSide: 3000 })).toEqual({
      width: 640,
      height: 480,
    });
    const plan = encodePlan(4000, 3000);
    expect(plan[0]).toEqual({ width: 3000, height: 2250, quality: 0.92 });
    expect(plan[4]?.width).toBe(2250);
    expect(plan.at(-1)).toEqual({ width: 1500, height: 1125, quality: 0.65 });
  });

  it('tags photos as the spec says and numbers their upload fields', () => {
    expect(photoTags('photo_id_front')).toEqual(['photo_id', 'photo_id_front']);
    expect(photoTags('photo_id_back')).toEqual(['photo_id', 'photo_id_back']);
    expect(photoManifestEntries(['video_selfie_blank', 'photo_id_front', 'photo_id_back'])).toEqual([
      { field: 'photo1', action: 'photo_id_front', kind: 'photo' },
      { field: 'photo2', action: 'photo_id_back', kind: 'photo' },
    ]);
  });
});
