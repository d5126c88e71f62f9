import type { DocumentInput, DocumentLive, DocumentRun } from './contract.js';
import { documentFrame, kindForAction, type Rect, viewRectToSource } from './geometry.js';
import { documentHint } from './hints.js';
import { type DocumentEffect, type DocumentEvent, documentReducer, initialDocumentState } from './machine.js';
import { type PhotoCaptureResult, photoTags } from './payload.js';
import { frameStats, type Grey } from './stats.js';
import { encodeStill, takeStill } from './still.js';

/** The shot as the document machine carries it. */
export interface Shot {
  blob: Blob;
  width: number;
  height: number;
  trigger: 'auto' | 'shutter';
  source: 'image_capture' | 'track_frame';
  frame: Rect;
}

export type RunOutcome =
  | { ok: true; shot: Shot; result: Omit<PhotoCaptureResult, 'additional_info'> }
  | { ok: false; code: 'capture_timeout' | 'still_capture_failed' | 'aborted' };

/** Width of the greyscale copy of the frame region the statistics are measured on. */
const THUMB_W = 160;
/** The frame's borders sit this far inside the measured crop (frameStats' inset). */
const INSET = 0.08;

/**
 * The camera-pixel region around the document frame that frameStats measures: the frame plus the 8% inset on
 * every side. Not clamped: where it leaves the picture, drawImage leaves the copy black, as a dark desk is.
 */
export function measuredRegion(frame: Rect): Rect {
  const width = frame.width / (1 - 2 * INSET);
  const height = frame.height / (1 - 2 * INSET);
  return { x: frame.x - (width - frame.width) / 2, y: frame.y - (height - frame.height) / 2, width, height };
}

const dataUrl = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });

/**
 * Runs one photo action: each presented frame is measured inside the document frame (a small greyscale
 * copy), the hint steps the document machine, and its effects are carried out here (still capture, review,
 * hints). Resolves with the encoded still once the person uses it, or with the failure code.
 */
export function runDocument(run: DocumentRun): Promise<RunOutcome> {
  const { frames, track, action } = run;
  const video = frames.video;
  let kind = kindForAction(action);
  const canvas = document.createElement('canvas');
  const ctx2d = canvas.getContext('2d', { willReadFrequently: true });
  let state = initialDocumentState<Shot>();
  let previous: Grey | null = null;
  let frameRect: Rect = { x: 0, y: 0, width: 0, height: 0 };
  const live: DocumentLive = {
    action,
    kind,
    phase: 'framing',
    hint: state.phase === 'framing' ? state.hint : null,
    review: null,
    pattern: run.pattern,
  };
  run.onLive({ ...live });

  return new Promise<RunOutcome>((resolve) => {
    let settled = false;
    let unsubscribe: () => void = () => undefined;
    const timer = setTimeout(() => send({ type: 'timeout' }), run.timeoutMs ?? 120_000);
    const finish = (o: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      if (live.review) URL.revokeObjectURL(live.review);
      resolve(o);
    };
    const show = (patch: Partial<DocumentLive>) => {
      Object.assign(live, patch);
      run.onLive({ ...live });
    };
    const send = (ev: DocumentEvent<Shot>) => {
      if (settled) return;
      const step = documentReducer(state, ev);
      state = step.state;
      for (const e of step.effects) perform(e);
    };
    const perform = (e: DocumentEffect<Shot>) => {
      switch (e.type) {
        case 'show_hint':
          show({ phase: 'framing', hint: e.hint });
          return;
        case 'take_still': {
          show({ phase: 'shooting' });
          const at = { ...frameRect };
          takeStill(track, video)
            .then(async (still) => {
              const jpeg = await encodeStill(still.bitmap);
              still.bitmap.close();
              if (!jpeg) throw new Error('no encoding fits the upload limits');
              send({
                type: 'still_taken',
                photo: { ...jpeg, trigger: e.trigger, source: still.source, frame: at },
              });
            })
            .catch(() => send({ type: 'still_failed' }));
          return;
        }
        case 'show_review':
          show({ phase: 'review', review: URL.createObjectURL(e.photo.blob) });
          return;
        case 'discard':
          if (live.review) URL.revokeObjectURL(live.review);
          live.review = null;
          return;
        case 'complete': {
          show({ phase: 'done' });
          const shot = e.photo;
          dataUrl(shot.blob).then(
            (photo) =>
              finish({
                ok: true,
                shot,
                result: {
                  action,
                  photo,
                  photo_width: shot.width,
                  photo_height: shot.height,
                  tags: photoTags(action),
                  capture: { trigger: shot.trigger, source: shot.source },
                  document_frame: shot.frame,
                },
              }),
            () => finish({ ok: false, code: 'still_capture_failed' }),
          );
          return;
        }
        case 'fail':
          finish({ ok: false, code: e.code });
          return;
      }
    };

    run.onInput((input: DocumentInput) => {
      if (input === 'id1' || input === 'td3') {
        // Another frame shape: measured from the next frame on, with a fresh motion baseline.
        if (settled || input === kind) return;
        kind = input;
        previous = null;
        show({ kind });
        return;
      }
      send(
        input === 'shutter'
          ? { type: 'shutter' }
          : input === 'retake'
            ? { type: 'retake' }
            : { type: 'use_photo' },
      );
    });
    run.signal.addEventListener('abort', () => finish({ ok: false, code: 'aborted' }), { once: true });

    unsubscribe = frames.subscribe((now) => {
      if (settled || state.phase !== 'framing' || !ctx2d) return;
      const vw = video.videoWidth;
      const vh = video.videoHeight;
      if (!vw || !vh) return;
      const aspect = run.viewAspect() ?? vw / vh;
      const view = { width: aspect * 1000, height: 1000 };
      frameRect = viewRectToSource(documentFrame(view.width, view.height, kind), view, {
        width: vw,
        height: vh,
      });
      const r = measuredRegion(frameRect);
      const w = THUMB_W;
      const h = Math.max(8, Math.round((THUMB_W * r.height) / r.width));
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
        previous = null;
      }
      ctx2d.drawImage(video, r.x, r.y, r.width, r.height, 0, 0, w, h);
      const rgba = ctx2d.getImageData(0, 0, w, h).data;
      const data = new Uint8Array(w * h);
      for (let i = 0, p = 0; i < data.length; i++, p += 4)
        data[i] =
          (77 * (rgba[p] as number) + 150 * (rgba[p + 1] as number) + 29 * (rgba[p + 2] as number)) >> 8;
      const grey: Grey = { width: w, height: h, data };
      const hint = documentHint(frameStats(grey, previous, INSET));
      previous = grey;
      send({ type: 'frame', t: now, hint });
    });
  });
}
