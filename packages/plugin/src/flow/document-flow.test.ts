import { describe, expect, it } from 'vitest';
import { config, info, run } from '../../test/session-fixtures.js';
import type { CapturedPhoto, DocumentLive } from '../document/contract.js';
import type { NormalizedOptions } from '../options.js';
import { initialSession } from './machine.js';
import { selectView } from './select-view.js';
import type { SessionEvent } from './session-types.js';
import { buildBody } from './submit.js';

/** Photo actions in the session machine: run, shown, pressed, kept and uploaded as photo parts. */
const MIXED = ['video_selfie_blank', 'photo_id_front', 'photo_id_back'] as const;
const opened: SessionEvent = {
  type: 'camera-opened',
  attempt: 1,
  video: {} as HTMLVideoElement,
  width: 1280,
  height: 720,
  deviceId: 'cam',
  facing: 'user',
  cameras: [],
};
const selfie: SessionEvent = {
  type: 'action-captured',
  attempt: 1,
  captured: {
    clip: { action: 'video_selfie_blank', frames: [], bestIndex: 0, bestPng: null },
    additionalInfo: '',
  },
  pageResult: { action: 'video_selfie_blank' },
};
const photo = (action: CapturedPhoto['action']): CapturedPhoto => ({
  action,
  blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }),
  width: 1280,
  height: 720,
});
const live = (over: Partial<DocumentLive> = {}): DocumentLive => ({
  action: 'photo_id_front',
  kind: 'id1',
  phase: 'framing',
  hint: 'document_not_in_frame',
  review: null,
  pattern: true,
  ...over,
});
const start = (actions = [...MIXED], sessionInfo = info()) =>
  run(initialSession(config({ actions })), [
    { type: 'open' },
    { type: 'session-ready', attempt: 1, info: sessionInfo },
    opened,
    { type: 'vision-ready', attempt: 1 },
  ]);

describe('session machine: document photo actions', () => {
  it('runs photo_id_front / photo_id_back after the selfie instead of refusing them', () => {
    const r = run(start().state, [selfie, { type: 'timer', attempt: 1, name: 'confirm' }]);
    expect(r.state.phase).toBe('capturing');
    expect(r.effects).toContainEqual({ type: 'run-action', index: 1, action: 'photo_id_front' });
  });

  it('shows the document screen from doc-progress, hands presses to the runner, keeps the photo', () => {
    const at = run(start().state, [selfie, { type: 'timer', attempt: 1, name: 'confirm' }]).state;
    const shown = run(at, [{ type: 'doc-progress', attempt: 1, doc: live() }]);
    const view = selectView(shown.state);
    expect(view.screen).toBe('capture');
    expect(view.doc?.hint).toBe('document_not_in_frame');
    expect(view.announcementKey).toBe('doc_hint_document_not_in_frame');
    const pressed = run(shown.state, [{ type: 'doc-input', input: 'shutter' }]);
    expect(pressed.effects).toEqual([{ type: 'doc-input', input: 'shutter' }]);
    const review = run(shown.state, [{ type: 'doc-progress', attempt: 1, doc: live({ phase: 'review' }) }]);
    expect(selectView(review.state).announcementKey).toBe('doc_review_question');
    const done = run(review.state, [
      {
        type: 'photo-captured',
        attempt: 1,
        photo: photo('photo_id_front'),
        pageResult: { action: 'photo_id_front' },
      },
    ]);
    expect(done.state.phase).toBe('confirming');
    expect(done.state.photos.map((p) => p.action)).toEqual(['photo_id_front']);
    expect(done.effects).toContainEqual({
      type: 'callback',
      name: 'on_capture_complete',
      payload: { action: 'photo_id_front' },
    });
    // The next action starts without the previous document screen.
    const next = run(done.state, [{ type: 'timer', attempt: 1, name: 'confirm' }]);
    expect(next.state.doc).toBeNull();
    expect(next.effects).toContainEqual({ type: 'run-action', index: 2, action: 'photo_id_back' });
  });

  it('ignores presses when no document screen is up, and photos from an older attempt', () => {
    const s = start().state;
    expect(run(s, [{ type: 'doc-input', input: 'use' }]).effects).toEqual([]);
    const stale = run(s, [
      { type: 'photo-captured', attempt: 0, photo: photo('photo_id_front'), pageResult: null },
    ]);
    expect(stale.state.photos).toEqual([]);
  });

  it('refuses photo actions up front where the sealed container would drop them', () => {
    const r = start(['photo_id_front'], info({ architecture: 'capture', use_wasm_container: true }));
    expect(r.state.phase).toBe('failed');
    expect(r.state.error?.code).toBe('invalid_options');
  });
});

describe('upload body: photo parts', () => {
  it('sends each photo as photo<n> with kind photo in the manifest', async () => {
    const form = (await buildBody({
      packWorkerUrl: 'unused',
      info: info(),
      clips: [],
      photos: [photo('photo_id_front'), photo('photo_id_back')],
      options: { meta: {} } as unknown as NormalizedOptions,
    })) as FormData;
    expect(JSON.parse(String(form.get('manifest'))).media).toEqual([
      { field: 'photo1', action: 'photo_id_front', kind: 'photo' },
      { field: 'photo2', action: 'photo_id_back', kind: 'photo' },
    ]);
    const part = form.get('photo1') as File;
    expect(part.type).toBe('image/jpeg');
    expect(part.name).toBe('photo1.jpg');
  });
});
