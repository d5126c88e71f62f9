import { ACTION_SPECS } from '../src/actions/catalog.js';
import { type ActionState, startAction, stepAction, type TimerName } from '../src/actions/machine.js';
import { guidance } from '../src/flow/guidance.js';
import type { ActionId } from '../src/options.js';
import type { Trace } from './traces.js';

export interface Outcome {
  phase: ActionState['phase'];
  /** Virtual ms from the first frame when the machine ended (or the run stopped). */
  at: number;
  attempts: number;
  hints: string[];
  recordedFrames: number;
}

/**
 * Replays a trace (looped, like Chromium loops the clip) through an action machine, firing its timers
 * on virtual time. `offsetMs` skips the start, as model loading does in the browser.
 */
export function simulate(
  action: ActionId,
  trace: Trace,
  { offsetMs = 0, maxMs = 40_000, stride = 1 } = {},
): Outcome {
  const spec = ACTION_SPECS[action];
  if (!spec) throw new Error(`no spec for ${action}`);
  const last = trace.frames[trace.frames.length - 1];
  const period = (last?.timestamp ?? 0) + 100;
  const timers = new Map<TimerName, number>();
  const hints: string[] = [];
  let recorded = 0;
  let recording = false;
  let step = startAction();
  let attempts = 1;
  const apply = (now: number) => {
    for (const e of step.effects) {
      if (e.type === 'set-timer') timers.set(e.name, now + e.ms);
      else if (e.type === 'clear-timer') timers.delete(e.name);
      else if (e.type === 'start-recording') {
        recording = true;
        recorded = 0;
      } else if (e.type === 'drop-recording') recording = false;
      else if (e.type === 'finish-recording') recording = false;
    }
    if (step.hint && hints[hints.length - 1] !== step.hint) hints.push(step.hint);
    if ('attempt' in step.state) attempts = step.state.attempt;
  };
  apply(0);
  for (let loop = 0; loop * period < maxMs + offsetMs; loop++) {
    for (const [i, f] of trace.frames.entries()) {
      // stride > 1 drops frames, as a slower device analyses fewer of them.
      if (i % stride !== 0) continue;
      const t = loop * period + f.timestamp;
      if (t < offsetMs) continue;
      const now = t - offsetMs;
      if (now > maxMs) return { phase: step.state.phase, at: now, attempts, hints, recordedFrames: recorded };
      for (const [name, due] of [...timers.entries()].sort((a, b) => a[1] - b[1])) {
        if (due <= now) {
          timers.delete(name);
          step = stepAction(spec, step.state, { type: 'timer', name });
          apply(due);
        }
      }
      if (step.state.phase === 'done' || step.state.phase === 'failed') {
        return { phase: step.state.phase, at: now, attempts, hints, recordedFrames: recorded };
      }
      const metrics = { ...f, timestamp: now };
      step = stepAction(spec, step.state, {
        type: 'frame',
        metrics,
        hint: guidance(metrics),
        recorded: recording,
      });
      if (recording) recorded++;
      apply(now);
      if (step.state.phase === 'done' || step.state.phase === 'failed') {
        return { phase: step.state.phase, at: now, attempts, hints, recordedFrames: recorded };
      }
    }
  }
  return { phase: step.state.phase, at: maxMs, attempts, hints, recordedFrames: recorded };
}
