import { DEFAULT_LIMITS, guidance } from '../flow/guidance.js';
import { type Oval, ovalFor } from '../flow/oval.js';
import type { FaceMetrics } from '../vision/types.js';
import type { ActionSpec } from './catalog.js';
import { type ActionEffect, type Step, startAction, stepAction, type TimerName } from './machine.js';

/** Where the driver's timers live: real timers in the browser, virtual time in trace replay. */
export interface ActionClock {
  set(name: TimerName, ms: number): void;
  clear(name: TimerName): void;
}

/** What the recording effects mean to whoever holds the frames. */
export interface RecordingPort {
  start(): void;
  drop(): void;
  finish(): void;
}

/**
 * The one effect driver of the action machine, used by the browser runner and by trace replay alike:
 * it feeds frames and timer expiries to the pure reducer and turns its effects into calls on the clock
 * and the recording port. Guidance is computed here so both paths see the same hints.
 */
export class ActionDriver {
  private current: Step;

  constructor(
    private readonly spec: ActionSpec,
    private readonly clock: ActionClock,
    private readonly recording: RecordingPort,
    /** The oval the person sees, in frame pixels (default: the whole frame's oval). */
    private readonly ovalOf: (m: FaceMetrics) => Oval = (m) => ovalFor(m.frameWidth, m.frameHeight),
  ) {
    this.current = startAction();
  }

  get step(): Step {
    return this.current;
  }

  get ended(): boolean {
    const p = this.current.state.phase;
    return p === 'done' || p === 'failed';
  }

  /** Carries out the start effects (the positioning deadline). */
  start(): Step {
    this.apply(this.current.effects);
    return this.current;
  }

  frame(metrics: FaceMetrics, recorded: boolean): Step {
    if (this.ended) return this.current;
    this.current = stepAction(this.spec, this.current.state, {
      type: 'frame',
      metrics,
      hint: guidance(metrics, DEFAULT_LIMITS, this.ovalOf(metrics)),
      recorded,
    });
    this.apply(this.current.effects);
    return this.current;
  }

  timer(name: TimerName): Step {
    if (this.ended) return this.current;
    this.current = stepAction(this.spec, this.current.state, { type: 'timer', name });
    this.apply(this.current.effects);
    return this.current;
  }

  private apply(effects: ActionEffect[]): void {
    for (const e of effects) {
      switch (e.type) {
        case 'set-timer':
          this.clock.set(e.name, e.ms);
          break;
        case 'clear-timer':
          this.clock.clear(e.name);
          break;
        case 'start-recording':
          this.recording.start();
          break;
        case 'drop-recording':
          this.recording.drop();
          break;
        case 'finish-recording':
          this.recording.finish();
          break;
      }
    }
  }
}
