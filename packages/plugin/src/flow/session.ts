import type { NormalizedOptions } from '../options.js';
import { Telemetry, type TelemetryType } from '../transport/telemetry.js';
import { DEFAULT_MASK_LOOK } from '../vision/mask/look.js';
import { runAction } from './action-effect.js';
import { type OperatorView, openCapture, switchCamera } from './capture-effects.js';
import {
  type Attempt,
  type DriverContext,
  freshAttempt,
  releaseCapture,
  type SessionDeps,
} from './driver-context.js';
import { callHost, errorPayload, failureOf } from './host-effects.js';
import { initialSession, stepSession } from './machine.js';
import { pollResult, requestSession, seal, upload } from './network-effects.js';
import { selectView } from './select-view.js';
import { browserEnv, type SessionEnv, sessionConfig } from './session-config.js';
import type {
  FailureInfo,
  SessionEffect,
  SessionEvent,
  SessionState,
  SessionTimer,
} from './session-types.js';
import { createStore, type Store } from './store.js';
import { sameView } from './view-equal.js';
import type { ViewState } from './view-state.js';

export type { ActionRunner, SessionDeps } from './driver-context.js';

/**
 * The session's effect driver: it owns the camera, the worker, the timers and the network, carries out
 * the machine's effects, and feeds their outcomes back as events. Every decision is in machine.ts; the
 * jobs themselves are in capture-effects, action-effect, network-effects and host-effects.
 */
export class LivenessSession {
  readonly id: string;
  readonly view: Store<ViewState>;
  private state: SessionState;
  private readonly env: SessionEnv;
  private telemetry: Telemetry;
  private readonly timers = new Map<SessionTimer, ReturnType<typeof setTimeout>>();
  private attempt: Attempt = freshAttempt();
  /** Operator mode (use_for_liveness) on a desktop: no mirror flip and no oval animation. */
  private operatorView: OperatorView = { mirror: true, ovalAnimation: true, mask3d: false };
  private readonly ctx: DriverContext;

  constructor(
    private readonly options: NormalizedOptions,
    private readonly deps: SessionDeps,
  ) {
    this.id = crypto.randomUUID();
    this.env = deps.env ?? browserEnv();
    this.state = initialSession(sessionConfig(options, this.env, deps.staticCapture === true));
    this.view = createStore<ViewState>(this.present(selectView(this.state)));
    this.telemetry = new Telemetry(null, this.id);
    this.ctx = {
      id: this.id,
      options,
      deps,
      env: this.env,
      state: () => this.state,
      held: () => this.attempt,
      dispatch: (ev) => this.dispatch(ev),
      later: (p) => this.later(p),
      track: (event, detail) => this.track(event, detail),
    };
  }

  /** The machine's current state (for tests and diagnostics). */
  get current(): SessionState {
    return this.state;
  }

  run(): void {
    this.dispatch({ type: 'open' });
  }

  close(): void {
    this.dispatch({ type: 'close' });
  }

  hide(): void {
    this.dispatch({ type: 'hide' });
  }

  /** Events from the UI (Try again, Start, camera switch). */
  send(
    ev: Extract<SessionEvent, { type: 'retry' | 'start' | 'switch-camera' | 'viewport' | 'doc-input' }>,
  ): void {
    this.dispatch(ev);
  }

  /**
   * The 3D mask's canvas from the capture screen (null when it goes): the attempt's vision worker draws the
   * mesh on it from the landmarks it computes. Its drawing code is fetched only now (vision/mask/).
   */
  showMask(canvas: OffscreenCanvas | null): void {
    const vision = this.attempt.vision;
    if (!vision || !this.operatorView.mask3d) return;
    if (canvas) vision.showMask(canvas, this.deps.maskLook ?? DEFAULT_MASK_LOOK);
    else vision.hideMask();
  }

  /** Feeds one event to the machine and carries out its effects; close() inside a callback stops the rest. */
  dispatch(ev: SessionEvent): void {
    const before = this.state;
    const { state, effects } = stepSession(before, ev);
    this.state = state;
    if (state !== before) {
      const next = this.present(selectView(state));
      // Most analysed frames change nothing on screen: those leave the view (and the page) alone.
      if (!sameView(next, this.view.get())) this.view.set(next);
    }
    const closing = state.phase === 'closed' && before.phase !== 'closed';
    for (const effect of effects) {
      // A close() from inside a host callback already ran its own effects: drop what this batch had left.
      if (!closing && this.state.phase === 'closed') return;
      try {
        this.perform(effect);
      } catch (err) {
        this.dispatch({ type: 'failed', attempt: this.state.attempt, failure: failureOf(err) });
      }
    }
  }

  private later(promise: Promise<SessionEvent | null>): void {
    const attempt = this.state.attempt;
    promise.then(
      (ev) => {
        if (ev) this.dispatch(ev);
      },
      // After a close or a Try again the machine ignores this attempt's late failures by itself.
      (err: unknown) => this.dispatch({ type: 'failed', attempt, failure: failureOf(err) }),
    );
  }

  /** Carries out one effect (protected so tests can stand in for the camera, worker and network). */
  protected perform(e: SessionEffect): void {
    const attempt = this.state.attempt;
    const ctx = this.ctx;
    switch (e.type) {
      case 'request-session':
        this.later(requestSession(ctx).then((info) => ({ type: 'session-ready', attempt, info })));
        return;
      case 'open-capture':
        this.operatorView = openCapture(ctx, attempt, e.deviceId);
        return;
      case 'switch-camera':
        this.later(switchCamera(ctx, attempt, e.deviceId));
        return;
      case 'run-action':
        this.later(runAction(ctx, attempt, e.action));
        return;
      case 'doc-input':
        this.attempt.docInput?.(e.input);
        return;
      case 'release-capture':
        releaseCapture(this.attempt);
        return;
      case 'check-capture':
        this.later(
          (this.deps.preUpload?.(this.state.captured) ?? Promise.resolve()).then(() => ({
            type: 'checked',
            attempt,
          })),
        );
        return;
      case 'seal':
        this.later(seal(ctx, attempt));
        return;
      case 'upload':
        this.later(upload(ctx, attempt));
        return;
      case 'fetch-result':
        pollResult(ctx, attempt);
        return;
      case 'set-timer': {
        clearTimeout(this.timers.get(e.name));
        const name = e.name;
        this.timers.set(
          name,
          setTimeout(() => {
            this.timers.delete(name);
            this.dispatch({ type: 'timer', attempt, name });
          }, e.ms),
        );
        return;
      }
      case 'clear-timer':
        clearTimeout(this.timers.get(e.name));
        this.timers.delete(e.name);
        return;
      case 'clear-timers':
        for (const t of this.timers.values()) clearTimeout(t);
        this.timers.clear();
        return;
      case 'abort-attempt':
        // Everything the attempt held goes, and the next attempt starts with nothing.
        releaseCapture(this.attempt);
        this.attempt.abort.abort();
        this.attempt = freshAttempt();
        return;
      case 'telemetry':
        this.track(e.event, e.detail);
        return;
      case 'callback':
        // After close no later batch runs (see dispatch), so only the closing batch's own callbacks get here.
        callHost(
          this.options,
          e.name,
          e.name === 'on_error'
            ? errorPayload(e.payload as FailureInfo, this.id, this.deps.translate)
            : e.payload,
        );
        return;
      case 'ended':
        this.deps.onEnded();
        return;
    }
  }

  private track(event: string, detail?: string): void {
    if (event === 'opened') {
      const info = this.state.info;
      this.telemetry = new Telemetry(
        info && info.architecture !== 'capture' ? `${this.deps.base}api/v1/telemetry` : null,
        this.id,
      );
    }
    this.telemetry.add(event as TelemetryType, detail);
    if (event === 'error') this.telemetry.flush();
    if (event === 'close') this.telemetry.flush(true);
  }

  /**
   * The view with what the adapter's camera plan decides on top of the machine's projection. selectView hands
   * back a fresh object on every change (once per analysed frame), so it is completed in place, not copied.
   */
  private present(view: ViewState): ViewState {
    view.mirrored &&= this.operatorView.mirror;
    view.ovalAnimation = this.operatorView.ovalAnimation;
    view.mask3d = this.operatorView.mask3d;
    return view;
  }
}
