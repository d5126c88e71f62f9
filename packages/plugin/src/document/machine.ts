import type { DocumentHint } from './hints.js';

/**
 * The document-photo machine (pure reducer with named effects, like actions/machine.ts):
 * framing → shooting → review → done. Auto-capture fires once the frame has been good (no hint:
 * the document fills the frame, is lit, sharp and steady) for `steadyMs`; the shutter button shoots
 * at any time during framing. The review shows the still: retake goes back to framing, use
 * finishes. Timers and frames are events; the driver carries out the effects.
 */
export interface DocumentMachineConfig {
  /** How long the frame must stay good before auto-capture, ms. */
  steadyMs: number;
  /** Show the review screen (retake / use) before finishing. */
  review: boolean;
  /** Auto-capture on; with it off only the shutter shoots. */
  autoCapture: boolean;
}

export const DEFAULT_DOCUMENT_MACHINE: DocumentMachineConfig = {
  steadyMs: 600,
  review: true,
  autoCapture: true,
};

export type DocumentState<P> =
  | { phase: 'framing'; hint: DocumentHint | null; goodSince: number | null }
  | { phase: 'shooting'; trigger: 'auto' | 'shutter' }
  | { phase: 'review'; photo: P }
  | { phase: 'done'; photo: P }
  | { phase: 'failed'; code: 'capture_timeout' | 'still_capture_failed' };

export type DocumentEvent<P> =
  | { type: 'frame'; t: number; hint: DocumentHint | null }
  | { type: 'shutter' }
  | { type: 'still_taken'; photo: P }
  | { type: 'still_failed' }
  | { type: 'retake' }
  | { type: 'use_photo' }
  | { type: 'timeout' };

export type DocumentEffect<P> =
  | { type: 'show_hint'; hint: DocumentHint | null }
  | { type: 'take_still'; trigger: 'auto' | 'shutter' }
  | { type: 'show_review'; photo: P }
  | { type: 'discard'; photo: P }
  | { type: 'complete'; photo: P }
  | { type: 'fail'; code: 'capture_timeout' | 'still_capture_failed' };

export interface Step<P> {
  state: DocumentState<P>;
  effects: DocumentEffect<P>[];
}

export function initialDocumentState<P>(): DocumentState<P> {
  return { phase: 'framing', hint: 'document_not_in_frame', goodSince: null };
}

const shoot = <P>(trigger: 'auto' | 'shutter'): Step<P> => ({
  state: { phase: 'shooting', trigger },
  effects: [{ type: 'take_still', trigger }],
});

export function documentReducer<P>(
  state: DocumentState<P>,
  event: DocumentEvent<P>,
  config: DocumentMachineConfig = DEFAULT_DOCUMENT_MACHINE,
): Step<P> {
  const same: Step<P> = { state, effects: [] };
  if (event.type === 'timeout') {
    if (state.phase === 'framing' || state.phase === 'shooting') {
      return {
        state: { phase: 'failed', code: 'capture_timeout' },
        effects: [{ type: 'fail', code: 'capture_timeout' }],
      };
    }
    return same;
  }
  switch (state.phase) {
    case 'framing': {
      if (event.type === 'shutter') return shoot('shutter');
      if (event.type !== 'frame') return same;
      const effects: DocumentEffect<P>[] =
        event.hint !== state.hint ? [{ type: 'show_hint', hint: event.hint }] : [];
      if (event.hint !== null)
        return { state: { phase: 'framing', hint: event.hint, goodSince: null }, effects };
      const goodSince = state.goodSince ?? event.t;
      if (config.autoCapture && event.t - goodSince >= config.steadyMs) {
        const s = shoot<P>('auto');
        return { state: s.state, effects: [...effects, ...s.effects] };
      }
      return { state: { phase: 'framing', hint: null, goodSince }, effects };
    }
    case 'shooting':
      if (event.type === 'still_taken') {
        if (!config.review) {
          return {
            state: { phase: 'done', photo: event.photo },
            effects: [{ type: 'complete', photo: event.photo }],
          };
        }
        return {
          state: { phase: 'review', photo: event.photo },
          effects: [{ type: 'show_review', photo: event.photo }],
        };
      }
      if (event.type === 'still_failed') {
        return {
          state: { phase: 'failed', code: 'still_capture_failed' },
          effects: [{ type: 'fail', code: 'still_capture_failed' }],
        };
      }
      return same;
    case 'review':
      if (event.type === 'retake') {
        return {
          state: { phase: 'framing', hint: null, goodSince: null },
          effects: [
            { type: 'discard', photo: state.photo },
            { type: 'show_hint', hint: null },
          ],
        };
      }
      if (event.type === 'use_photo') {
        return {
          state: { phase: 'done', photo: state.photo },
          effects: [{ type: 'complete', photo: state.photo }],
        };
      }
      return same;
    default:
      return same;
  }
}
