import type { GuidanceHint } from '../flow/guidance.js';

/**
 * The passive clip machine (video_selfie_blank): wait until the face has been ready for `steadyMs`,
 * record while it stays ready, finish after `clipMs` and at least `minFrames` frames. Any guidance
 * failure while recording drops the clip and starts over. Pure: the session runs the effects.
 */
export interface ClipTiming {
  steadyMs: number;
  clipMs: number;
  minFrames: number;
  /** Finish even with fewer frames after this long (slow devices). */
  maxClipMs: number;
}

export type ClipState =
  | { phase: 'positioning'; readySince: number | null }
  | { phase: 'recording'; since: number; frames: number }
  | { phase: 'done' };

export type ClipEffect = 'start-recording' | 'drop-recording' | 'finish-recording';

export const initialClipState: ClipState = { phase: 'positioning', readySince: null };

export function stepClip(
  state: ClipState,
  frame: { timestamp: number; hint: GuidanceHint | null; recorded: boolean },
  timing: ClipTiming,
): { state: ClipState; effect: ClipEffect | null } {
  const ready = frame.hint === null;
  switch (state.phase) {
    case 'positioning': {
      if (!ready) return { state: { phase: 'positioning', readySince: null }, effect: null };
      const since = state.readySince ?? frame.timestamp;
      if (frame.timestamp - since >= timing.steadyMs) {
        return {
          state: { phase: 'recording', since: frame.timestamp, frames: 0 },
          effect: 'start-recording',
        };
      }
      return { state: { phase: 'positioning', readySince: since }, effect: null };
    }
    case 'recording': {
      if (!ready) return { state: { phase: 'positioning', readySince: null }, effect: 'drop-recording' };
      const frames = state.frames + (frame.recorded ? 1 : 0);
      const elapsed = frame.timestamp - state.since;
      if ((elapsed >= timing.clipMs && frames >= timing.minFrames) || elapsed >= timing.maxClipMs) {
        return { state: { phase: 'done' }, effect: 'finish-recording' };
      }
      return { state: { ...state, frames }, effect: null };
    }
    case 'done':
      return { state, effect: null };
  }
}
