import { describe, expect, it } from 'vitest';
import { sampleFace } from '../../test/sample-face.js';
import type { FaceMetrics } from '../vision/types.js';
import { ACTION_SPECS, FLOW_TIMING } from './catalog.js';
import { type ActionState, RECORDING_DEADLINE_MS, startAction, stepAction } from './machine.js';

const face: FaceMetrics = sampleFace;
const smile = ACTION_SPECS.video_selfie_smile;
if (!smile) throw new Error('missing spec');

const frame = (t: number, over: Partial<FaceMetrics> = {}) =>
  ({ type: 'frame', metrics: { ...face, ...over, timestamp: t }, hint: null, recorded: true }) as const;

describe('action machine timers and effects', () => {
  it('prompts after a steady face and arms the 5 s gesture timer', () => {
    let s: ActionState = startAction().state;
    let effects: string[] = [];
    for (let t = 0; t <= 500; t += 100) {
      const r = stepAction(smile, s, frame(t));
      s = r.state;
      effects = effects.concat(
        r.effects.map((e) => (e.type === 'set-timer' ? `${e.type}:${e.name}:${e.ms}` : e.type)),
      );
    }
    expect(s.phase).toBe('prompting');
    expect(effects).toEqual([
      'clear-timer',
      'start-recording',
      `set-timer:recording:${RECORDING_DEADLINE_MS}`,
      `set-timer:gesture:${FLOW_TIMING.gestureTimeoutMs}`,
    ]);
  });

  it('a gesture timeout retries with a hint, then fails after the last attempt', () => {
    let s: ActionState = {
      phase: 'prompting',
      attempt: 1,
      since: 0,
      baseline: face,
      detector: { streak: 0, closed: false },
      doneAt: null,
    };
    let r = stepAction(smile, s, { type: 'timer', name: 'gesture' });
    expect(r.state).toEqual({ phase: 'retrying', attempt: 2 });
    expect(r.hint).toBe('action_repeat');
    expect(r.effects.map((e) => e.type)).toEqual([
      'drop-recording',
      'clear-timer',
      'clear-timer',
      'set-timer',
    ]);
    r = stepAction(smile, r.state, { type: 'timer', name: 'retry' });
    expect(r.state.phase).toBe('positioning');
    s = { ...s, attempt: FLOW_TIMING.maxAttempts };
    r = stepAction(smile, s, { type: 'timer', name: 'gesture' });
    expect(r.state).toEqual({ phase: 'failed', reason: 'gesture_attempts_exhausted' });
  });

  it('a late timer after the gesture was seen does not undo it', () => {
    const s: ActionState = {
      phase: 'prompting',
      attempt: 1,
      since: 0,
      baseline: face,
      detector: { streak: 2, closed: false },
      doneAt: 4900,
    };
    expect(stepAction(smile, s, { type: 'timer', name: 'gesture' }).state).toBe(s);
    expect(stepAction(smile, s, frame(5300)).state.phase).toBe('done');
  });

  it('positioning that never succeeds ends in capture_timeout', () => {
    const r = stepAction(smile, startAction().state, { type: 'timer', name: 'positioning' });
    expect(r.state).toEqual({ phase: 'failed', reason: 'capture_timeout' });
  });

  it('a camera that stops sending frames while recording still ends the action (wall-clock deadline)', () => {
    const blank = ACTION_SPECS.video_selfie_blank;
    if (!blank) throw new Error('missing spec');
    const s: ActionState = { phase: 'recording', attempt: 1, since: 0, frames: 3, closedSince: null };
    const r = stepAction(blank, s, { type: 'timer', name: 'recording' });
    expect(r.state).toEqual({ phase: 'failed', reason: 'capture_timeout' });
    expect(r.effects.map((e) => e.type)).toContain('drop-recording');
    // Once done, a late deadline changes nothing.
    expect(stepAction(blank, { phase: 'done' }, { type: 'timer', name: 'recording' }).state).toEqual({
      phase: 'done',
    });
  });

  it('asks not to smile before the smile prompt', () => {
    expect(stepAction(smile, startAction().state, frame(0, { smile: 0.8 })).hint).toBe(
      'action_hint_dont_smile',
    );
  });
});
