import { describe, expect, it } from 'vitest';
import { type ClipState, initialClipState, stepClip } from './recording.js';

const timing = { steadyMs: 400, clipMs: 700, minFrames: 3, maxClipMs: 3000 };

function run(frames: Array<{ t: number; ok: boolean }>) {
  let state: ClipState = initialClipState;
  const effects: string[] = [];
  for (const f of frames) {
    const step = stepClip(
      state,
      { timestamp: f.t, hint: f.ok ? null : 'action_hint_no_face', recorded: state.phase === 'recording' },
      timing,
    );
    state = step.state;
    if (step.effect) effects.push(`${f.t}:${step.effect}`);
  }
  return { state, effects };
}

const every = (from: number, to: number, ok = true) =>
  Array.from({ length: Math.floor((to - from) / 100) + 1 }, (_, i) => ({ t: from + i * 100, ok }));

describe('passive clip machine', () => {
  it('starts recording after the face is steady, finishes after the clip length', () => {
    const { state, effects } = run(every(0, 1200));
    expect(effects).toEqual(['400:start-recording', '1100:finish-recording']);
    expect(state.phase).toBe('done');
  });
  it('drops the clip when the face is lost while recording, then starts over', () => {
    const { effects } = run([...every(0, 600), { t: 700, ok: false }, ...every(800, 2000)]);
    expect(effects).toEqual([
      '400:start-recording',
      '700:drop-recording',
      '1200:start-recording',
      '1900:finish-recording',
    ]);
  });
  it('never records without a face', () => {
    expect(run(every(0, 5000, false)).effects).toEqual([]);
  });
});
