import { ACTION_SPECS } from '../src/actions/catalog.js';
import { ActionDriver } from '../src/actions/driver.js';
import type { ActionState, TimerName } from '../src/actions/machine.js';
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
 * Replays a trace (looped, like Chromium loops the clip) through the production action driver, firing its
 * timers on virtual time. `offsetMs` skips the start, as model loading does in the browser.
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
  let now = 0;
  const driver = new ActionDriver(
    spec,
    { set: (name, ms) => timers.set(name, now + ms), clear: (name) => timers.delete(name) },
    {
      start: () => {
        recording = true;
        recorded = 0;
      },
      drop: () => {
        recording = false;
      },
      finish: () => {
        recording = false;
      },
    },
  );
  let attempts = 1;
  const observe = () => {
    const step = driver.step;
    if (step.hint && hints[hints.length - 1] !== step.hint) hints.push(step.hint);
    if ('attempt' in step.state) attempts = step.state.attempt;
  };
  const outcome = (at: number): Outcome => ({
    phase: driver.step.state.phase,
    at,
    attempts,
    hints,
    recordedFrames: recorded,
  });
  driver.start();
  observe();
  for (let loop = 0; loop * period < maxMs + offsetMs; loop++) {
    for (const [i, f] of trace.frames.entries()) {
      // stride > 1 drops frames, as a slower device analyses fewer of them.
      if (i % stride !== 0) continue;
      const t = loop * period + f.timestamp;
      if (t < offsetMs) continue;
      const frameAt = t - offsetMs;
      if (frameAt > maxMs) return outcome(frameAt);
      for (const [name, due] of [...timers.entries()].sort((a, b) => a[1] - b[1])) {
        if (due <= frameAt) {
          timers.delete(name);
          now = due;
          driver.timer(name);
          observe();
        }
      }
      now = frameAt;
      if (driver.ended) return outcome(now);
      const wasRecording = recording;
      driver.frame({ ...f, timestamp: now }, wasRecording);
      if (wasRecording) recorded++;
      observe();
      if (driver.ended) return outcome(now);
    }
  }
  return outcome(maxMs);
}
