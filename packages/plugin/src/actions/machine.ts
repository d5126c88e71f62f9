import type { GuidanceHint } from '../flow/guidance.js';
import type { FaceMetrics } from '../vision/types.js';
import { type ActionSpec, FLOW_TIMING } from './catalog.js';
import {
  type Baseline,
  baselineOf,
  type DetectorState,
  detectGesture,
  initialDetector,
  poseSpread,
} from './gestures.js';

/**
 * The per-action machine: positioning → (prompting | recording) → done, with retry and failure.
 * Pure reducer: frames and timer expiries come in, effects go out; the runner owns real timers,
 * the worker and the clip buffer. Time inside a phase is measured on frame timestamps; deadlines that
 * must fire even without frames (gesture timeout, retry pause, positioning timeout) are real timers.
 */
export type Hint = GuidanceHint | 'action_hint_dont_smile' | 'action_repeat';
export type TimerName = 'gesture' | 'retry' | 'positioning' | 'recording';

/**
 * A wall-clock bound on recording and prompting: both normally end on frame timestamps, so a camera that
 * stops sending frames would otherwise leave the action running forever.
 */
export const RECORDING_DEADLINE_MS = FLOW_TIMING.maxClipMs + FLOW_TIMING.gestureTimeoutMs + 2000;

export type ActionState =
  | { phase: 'positioning'; attempt: number; window: FaceMetrics[] }
  | { phase: 'recording'; attempt: number; since: number; frames: number; closedSince: number | null }
  | {
      phase: 'prompting';
      attempt: number;
      since: number;
      baseline: Baseline;
      detector: DetectorState;
      doneAt: number | null;
    }
  | { phase: 'retrying'; attempt: number }
  | { phase: 'done' }
  | { phase: 'failed'; reason: 'gesture_attempts_exhausted' | 'capture_timeout' };

export type ActionEvent =
  | { type: 'frame'; metrics: FaceMetrics; hint: GuidanceHint | null; recorded: boolean }
  | { type: 'timer'; name: TimerName };

export type ActionEffect =
  | { type: 'start-recording' }
  | { type: 'drop-recording' }
  | { type: 'finish-recording' }
  | { type: 'set-timer'; name: TimerName; ms: number }
  | { type: 'clear-timer'; name: TimerName };

export interface Step {
  state: ActionState;
  effects: ActionEffect[];
  /** What the user should see now (null = nothing to correct). */
  hint: Hint | null;
}

export function startAction(): Step {
  return {
    state: { phase: 'positioning', attempt: 1, window: [] },
    effects: [{ type: 'set-timer', name: 'positioning', ms: FLOW_TIMING.positioningTimeoutMs }],
    hint: null,
  };
}

/** Guidance hints that still matter while a gesture is performed: pose changes are the point then. */
const LOST_FACE: ReadonlySet<GuidanceHint> = new Set(['action_hint_no_face', 'more_than_one_face']);

function positioning(
  spec: ActionSpec,
  s: Extract<ActionState, { phase: 'positioning' }>,
  ev: Extract<ActionEvent, { type: 'frame' }>,
): Step {
  const m = ev.metrics;
  const hint = ev.hint ?? (spec.kind === 'gesture' ? (spec.preCheck?.(m) ?? null) : null);
  if (hint) return { state: { ...s, window: [] }, effects: [], hint };
  const window = [...s.window, m];
  const first = window[0] ?? m;
  // Only a still head gives a baseline (and a clean passive clip): drop the oldest frames until it is.
  while (window.length > 1 && poseSpread(window) > FLOW_TIMING.maxBaselineSpreadDeg) window.shift();
  if (m.timestamp - (window[0] ?? first).timestamp < FLOW_TIMING.steadyMs) {
    return { state: { ...s, window }, effects: [], hint: null };
  }
  const effects: ActionEffect[] = [
    { type: 'clear-timer', name: 'positioning' },
    { type: 'start-recording' },
    { type: 'set-timer', name: 'recording', ms: RECORDING_DEADLINE_MS },
  ];
  if (spec.kind === 'gesture') {
    effects.push({ type: 'set-timer', name: 'gesture', ms: FLOW_TIMING.gestureTimeoutMs });
    return {
      state: {
        phase: 'prompting',
        attempt: s.attempt,
        since: m.timestamp,
        baseline: baselineOf(window),
        detector: initialDetector,
        doneAt: null,
      },
      effects,
      hint: null,
    };
  }
  return {
    state: { phase: 'recording', attempt: s.attempt, since: m.timestamp, frames: 0, closedSince: null },
    effects,
    hint: null,
  };
}

function backToPositioning(attempt: number, hint: Hint): Step {
  return {
    state: { phase: 'positioning', attempt, window: [] },
    effects: [
      { type: 'drop-recording' },
      { type: 'clear-timer', name: 'recording' },
      { type: 'set-timer', name: 'positioning', ms: FLOW_TIMING.positioningTimeoutMs },
    ],
    hint,
  };
}

function recording(
  spec: ActionSpec,
  s: Extract<ActionState, { phase: 'recording' }>,
  ev: Extract<ActionEvent, { type: 'frame' }>,
): Step {
  if (spec.kind === 'gesture') return { state: s, effects: [], hint: null };
  const m = ev.metrics;
  // A passive clip must stay clean; during a scan the eyes move, so only a lost face restarts it.
  const breaking = spec.kind === 'scan' ? (ev.hint && LOST_FACE.has(ev.hint) ? ev.hint : null) : ev.hint;
  if (breaking) return backToPositioning(s.attempt, breaking);
  const frames = s.frames + (ev.recorded ? 1 : 0);
  let closedSince = s.closedSince;
  if (spec.kind === 'scan') {
    closedSince = m.blink >= 0.5 ? (closedSince ?? m.timestamp) : null;
    if (closedSince !== null && m.timestamp - closedSince >= spec.maxEyesClosedMs) {
      return retryOrFail(s.attempt, 'action_hint_open_eyes_wide');
    }
  }
  const elapsed = m.timestamp - s.since;
  if ((elapsed >= spec.clipMs && frames >= spec.minFrames) || elapsed >= FLOW_TIMING.maxClipMs) {
    return {
      state: { phase: 'done' },
      effects: [{ type: 'clear-timer', name: 'recording' }, { type: 'finish-recording' }],
      hint: null,
    };
  }
  return { state: { ...s, frames, closedSince }, effects: [], hint: null };
}

function retryOrFail(attempt: number, hint: Hint): Step {
  if (attempt >= FLOW_TIMING.maxAttempts) {
    return {
      state: { phase: 'failed', reason: 'gesture_attempts_exhausted' },
      effects: [
        { type: 'drop-recording' },
        { type: 'clear-timer', name: 'gesture' },
        { type: 'clear-timer', name: 'recording' },
      ],
      hint: null,
    };
  }
  return {
    state: { phase: 'retrying', attempt: attempt + 1 },
    effects: [
      { type: 'drop-recording' },
      { type: 'clear-timer', name: 'gesture' },
      { type: 'clear-timer', name: 'recording' },
      {
        type: 'set-timer',
        name: 'retry',
        ms: FLOW_TIMING.retryPauseMs + (attempt - 1) * FLOW_TIMING.retryPauseStepMs,
      },
    ],
    hint,
  };
}

function prompting(
  spec: ActionSpec,
  s: Extract<ActionState, { phase: 'prompting' }>,
  ev: Extract<ActionEvent, { type: 'frame' }>,
): Step {
  if (spec.kind !== 'gesture') return { state: s, effects: [], hint: null };
  const m = ev.metrics;
  if (ev.hint && LOST_FACE.has(ev.hint)) return { ...retryOrFail(s.attempt, ev.hint) };
  if (s.doneAt !== null) {
    // Keep recording a short tail so the clip shows the gesture, not only its first frame.
    if (m.timestamp - s.doneAt >= spec.tailMs) {
      return {
        state: { phase: 'done' },
        effects: [
          { type: 'clear-timer', name: 'gesture' },
          { type: 'clear-timer', name: 'recording' },
          { type: 'finish-recording' },
        ],
        hint: null,
      };
    }
    return { state: s, effects: [], hint: null };
  }
  const d = detectGesture(spec.gesture, s.detector, m, s.baseline);
  return { state: { ...s, detector: d.state, doneAt: d.done ? m.timestamp : null }, effects: [], hint: null };
}

export function stepAction(spec: ActionSpec, state: ActionState, ev: ActionEvent): Step {
  if (ev.type === 'timer') {
    if (ev.name === 'gesture' && state.phase === 'prompting' && state.doneAt === null) {
      return retryOrFail(state.attempt, 'action_repeat');
    }
    if (ev.name === 'retry' && state.phase === 'retrying') {
      return {
        state: { phase: 'positioning', attempt: state.attempt, window: [] },
        effects: [{ type: 'set-timer', name: 'positioning', ms: FLOW_TIMING.positioningTimeoutMs }],
        hint: null,
      };
    }
    if (ev.name === 'recording' && (state.phase === 'recording' || state.phase === 'prompting')) {
      return {
        state: { phase: 'failed', reason: 'capture_timeout' },
        effects: [{ type: 'drop-recording' }, { type: 'clear-timer', name: 'gesture' }],
        hint: null,
      };
    }
    if (ev.name === 'positioning' && state.phase === 'positioning') {
      return { state: { phase: 'failed', reason: 'capture_timeout' }, effects: [], hint: null };
    }
    return { state, effects: [], hint: null };
  }
  switch (state.phase) {
    case 'positioning':
      return positioning(spec, state, ev);
    case 'recording':
      return recording(spec, state, ev);
    case 'prompting':
      return prompting(spec, state, ev);
    case 'retrying':
      return { state, effects: [], hint: 'action_repeat' };
    case 'done':
    case 'failed':
      return { state, effects: [], hint: null };
  }
}
