import { describe, expect, it } from 'vitest';
import { config, info, run } from '../../test/session-fixtures.js';
import type { ResultPayload } from '../options.js';
import { initialSession, NO_FACE_LEVELS, stepSession } from './machine.js';
import { DEFAULT_TIMING, type SessionEffect, type SessionEvent } from './session-types.js';

const kinds = (effects: SessionEffect[]) =>
  effects.map((e) => (e.type === 'callback' ? `cb:${e.name}` : e.type));
const video = {} as HTMLVideoElement;
const opened = (attempt = 1): SessionEvent => ({
  type: 'camera-opened',
  attempt,
  video,
  width: 640,
  height: 480,
  deviceId: 'cam1',
  facing: 'user',
  cameras: [],
});
const captured = (attempt = 1): SessionEvent => ({
  type: 'action-captured',
  attempt,
  captured: {
    clip: { action: 'video_selfie_blank', frames: [], bestIndex: 0, bestPng: null },
    additionalInfo: '',
  },
  pageResult: { action: 'video_selfie_blank' },
});
const processing: ResultPayload = { state: 'processing' };
const finished: ResultPayload = { state: 'finished' };

/** Up to the upload of one action in the normal architecture. */
const toUploading = (c = config()) =>
  run(initialSession(c), [
    { type: 'open' },
    { type: 'session-ready', attempt: 1, info: info() },
    opened(),
    { type: 'vision-ready', attempt: 1 },
    captured(),
    { type: 'timer', attempt: 1, name: 'confirm' },
    { type: 'checked', attempt: 1 },
  ]);

describe('session machine: the normal path', () => {
  it('asks for a session, opens camera and model, runs the action, confirms, uploads, polls, shows the result', () => {
    const r = toUploading();
    expect(r.state.phase).toBe('uploading');
    expect(kinds(r.effects)).toEqual([
      'set-timer', // slow
      'set-timer', // request
      'request-session',
      'clear-timer',
      'telemetry',
      'open-capture',
      'clear-timer',
      'telemetry',
      'clear-timer',
      'telemetry',
      'run-action',
      'clear-timer',
      'telemetry',
      'cb:on_capture_complete',
      'set-timer', // confirm
      'clear-timer',
      'release-capture',
      'check-capture',
      'telemetry',
      'upload',
    ]);
    const up = run(r.state, [
      { type: 'upload-progress', attempt: 1, fraction: 0.5 },
      { type: 'uploaded', attempt: 1, result: processing },
      { type: 'timer', attempt: 1, name: 'poll' },
      { type: 'result', attempt: 1, result: processing },
      { type: 'timer', attempt: 1, name: 'poll' },
      { type: 'result', attempt: 1, result: finished },
    ]);
    expect(up.state.phase).toBe('result');
    const callbacks = kinds(up.effects).filter((k) => k.startsWith('cb:'));
    // plugin-api §5.1: on_result gets every state, the final "finished" included, before on_complete.
    expect(callbacks).toEqual([
      'cb:on_submit',
      'cb:on_result',
      'cb:on_result',
      'cb:on_result',
      'cb:on_complete',
    ]);
    const closed = run(up.state, [{ type: 'timer', attempt: 1, name: 'result' }]);
    expect(closed.state.phase).toBe('closed');
    expect(kinds(closed.effects)).toEqual([
      'clear-timers',
      'abort-attempt',
      'telemetry',
      'ended',
      'cb:on_close',
    ]);
  });

  it('an upload that answers "finished" at once still reaches on_result before on_complete', () => {
    const r = run(toUploading().state, [{ type: 'uploaded', attempt: 1, result: finished }]);
    expect(kinds(r.effects).filter((k) => k.startsWith('cb:'))).toEqual([
      'cb:on_submit',
      'cb:on_result',
      'cb:on_complete',
    ]);
  });

  it('the optional instructions screen waits for Start before the camera', () => {
    const r = run(initialSession(config({ showInstructions: true })), [
      { type: 'open' },
      { type: 'session-ready', attempt: 1, info: info() },
    ]);
    expect(r.state.phase).toBe('instructions');
    expect(kinds(r.effects)).not.toContain('open-capture');
    expect(kinds(stepSession(r.state, { type: 'start' }).effects)).toContain('open-capture');
  });

  it('several actions: each one is confirmed, then the next one starts', () => {
    const r = run(initialSession(config({ actions: ['video_selfie_blank', 'video_selfie_smile'] })), [
      { type: 'open' },
      { type: 'session-ready', attempt: 1, info: info() },
      opened(),
      { type: 'vision-ready', attempt: 1 },
      captured(),
    ]);
    expect(r.state.phase).toBe('confirming');
    const next = stepSession(r.state, { type: 'timer', attempt: 1, name: 'confirm' });
    expect(next.state.phase).toBe('capturing');
    expect(next.effects).toContainEqual({ type: 'run-action', index: 1, action: 'video_selfie_smile' });
  });
});

describe('session machine: no silent capture-only (issue 8 item 3)', () => {
  const starting = () => run(initialSession(config()), [{ type: 'open' }]).state;
  for (const code of ['adapter_unreachable', 'session_rejected', 'api_unavailable'] as const) {
    it(`${code}: on_error with a retryable code, nothing captured, the camera never opened`, () => {
      const r = run(starting(), [
        { type: 'failed', attempt: 1, failure: { code, detail: 'x', context: {} } },
      ]);
      expect(r.state.phase).toBe('failed');
      expect(r.state.error?.retryable).toBe(true);
      expect(kinds(r.effects)).toContain('cb:on_error');
      expect(kinds(r.effects)).not.toContain('open-capture');
      expect(kinds(r.effects)).not.toContain('cb:on_capture_complete');
    });
  }

  it('a session request without an answer in time ends in session_timeout', () => {
    const r = run(starting(), [{ type: 'timer', attempt: 1, name: 'request' }]);
    expect(r.state.error?.code).toBe('session_timeout');
    expect(kinds(r.effects)).toContain('abort-attempt');
    expect(kinds(r.effects)).not.toContain('open-capture');
  });

  it('capture-only when the adapter says architecture "capture": capture complete, then close, no upload', () => {
    const r = run(initialSession(config()), [
      { type: 'open' },
      { type: 'session-ready', attempt: 1, info: info({ architecture: 'capture' }) },
      opened(),
      { type: 'vision-ready', attempt: 1 },
      captured(),
      { type: 'timer', attempt: 1, name: 'confirm' },
    ]);
    expect(r.state.phase).toBe('closed');
    expect(kinds(r.effects)).not.toContain('upload');
    expect(kinds(r.effects)).toContain('cb:on_capture_complete');
  });

  it('static_deployment: no session request at all, straight to the camera', () => {
    const r = run(initialSession(config({ staticDeployment: true })), [{ type: 'open' }]);
    expect(kinds(r.effects)).not.toContain('request-session');
    expect(r.state.phase).toBe('camera');
    expect(r.state.info?.architecture).toBe('capture');
  });
});

describe('session machine: lifecycle holes (issue 8 item 4)', () => {
  it('after close, no later outcome produces a callback and polling stops', () => {
    const r = run(toUploading().state, [
      { type: 'uploaded', attempt: 1, result: processing },
      { type: 'close' },
      { type: 'timer', attempt: 1, name: 'poll' },
      { type: 'result', attempt: 1, result: finished },
    ]);
    expect(r.state.phase).toBe('closed');
    const after = kinds(r.effects).slice(kinds(r.effects).indexOf('ended'));
    expect(after).toEqual(['ended', 'cb:on_close']);
    expect(kinds(r.effects).filter((k) => k === 'fetch-result')).toHaveLength(0);
  });

  it('close twice calls on_close once', () => {
    const r = run(toUploading().state, [{ type: 'close' }, { type: 'close' }]);
    expect(kinds(r.effects).filter((k) => k === 'cb:on_close')).toHaveLength(1);
  });

  it('a crash of the vision worker during capture ends in on_error and releases everything', () => {
    const r = run(initialSession(config()), [
      { type: 'open' },
      { type: 'session-ready', attempt: 1, info: info() },
      opened(),
      { type: 'vision-ready', attempt: 1 },
      { type: 'failed', attempt: 1, failure: { code: 'vision_crashed', detail: 'Aborted()', context: {} } },
    ]);
    expect(r.state.phase).toBe('failed');
    expect(r.state.video).toBeNull();
    const tail = kinds(r.effects).slice(-4);
    expect(tail).toEqual(['clear-timers', 'abort-attempt', 'telemetry', 'cb:on_error']);
  });

  it('an insecure page reports insecure_context through on_error and never asks for a session', () => {
    const r = run(initialSession(config({ secure: false })), [{ type: 'open' }]);
    expect(r.state.error?.code).toBe('insecure_context');
    expect(kinds(r.effects)).toContain('cb:on_error');
    expect(kinds(r.effects)).not.toContain('request-session');
  });

  it('inside an iframe the adapter forbids: iframe_not_allowed, no camera', () => {
    const r = run(initialSession(config({ inIframe: true })), [
      { type: 'open' },
      { type: 'session-ready', attempt: 1, info: info({ iframe_allowed: false }) },
    ]);
    expect(r.state.error?.code).toBe('iframe_not_allowed');
    expect(kinds(r.effects)).not.toContain('open-capture');
  });

  it('Try again re-enters at the session request; outcomes of the failed attempt are ignored', () => {
    const failed = run(initialSession(config()), [
      { type: 'open' },
      { type: 'session-ready', attempt: 1, info: info() },
      { type: 'failed', attempt: 1, failure: { code: 'camera_denied', detail: '', context: {} } },
    ]);
    const again = run(failed.state, [{ type: 'retry' }, opened(1)]);
    expect(again.state.phase).toBe('starting');
    expect(again.state.attempt).toBe(2);
    expect(again.state.cameraOpen).toBe(false);
    expect(kinds(again.effects)).toContain('request-session');
    const done = run(again.state, [
      { type: 'session-ready', attempt: 2, info: info() },
      opened(2),
      { type: 'vision-ready', attempt: 2 },
    ]);
    expect(done.state.phase).toBe('capturing');
  });

  it('a non-retryable failure ignores Try again', () => {
    const r = run(initialSession(config({ secure: false })), [{ type: 'open' }, { type: 'retry' }]);
    expect(r.state.phase).toBe('failed');
    expect(r.state.attempt).toBe(1);
  });

  it('disable_adapter_errors_on_screen: a server failure closes right after on_error', () => {
    const r = run(initialSession(config()), [
      { type: 'open' },
      { type: 'session-ready', attempt: 1, info: info({ disable_adapter_errors_on_screen: true }) },
      { type: 'failed', attempt: 1, failure: { code: 'api_unavailable', detail: '', context: {} } },
    ]);
    expect(r.state.phase).toBe('closed');
    const cbs = kinds(r.effects).filter((k) => k.startsWith('cb:'));
    expect(cbs).toEqual(['cb:on_error', 'cb:on_close']);
  });

  it('poll failures back off and give up after maxPollFailures', () => {
    let s = run(toUploading().state, [{ type: 'uploaded', attempt: 1, result: processing }]).state;
    const failure = { code: 'api_unavailable' as const, detail: '', context: {} };
    for (let i = 0; i < DEFAULT_TIMING.maxPollFailures; i++) {
      s = stepSession(s, { type: 'poll-failed', attempt: 1, failure }).state;
      expect(s.phase).toBe('processing');
    }
    expect(stepSession(s, { type: 'poll-failed', attempt: 1, failure }).state.phase).toBe('failed');
  });
});

describe('session machine: no-face ladder', () => {
  it('steps up the hint while no face is seen, and resets when a face appears', () => {
    const base = run(initialSession(config()), [
      { type: 'open' },
      { type: 'session-ready', attempt: 1, info: info() },
      opened(),
      { type: 'vision-ready', attempt: 1 },
    ]).state;
    const live = (hint: 'action_hint_no_face' | 'action_hint_face_aligned') => ({
      type: 'progress' as const,
      attempt: 1,
      live: {
        hint,
        prompt: null,
        scanning: false,
        recording: null,
        attempt: 1,
        face: null,
        frameWidth: 640,
        frameHeight: 480,
      },
    });
    let r = run(base, [live('action_hint_no_face')]);
    expect(r.effects).toContainEqual({ type: 'set-timer', name: 'no-face', ms: DEFAULT_TIMING.noFaceStepMs });
    const ticks: SessionEvent[] = Array.from({ length: NO_FACE_LEVELS + 2 }, () => ({
      type: 'timer',
      attempt: 1,
      name: 'no-face',
    }));
    r = run(r.state, [live('action_hint_no_face'), ...ticks]);
    expect(r.state.noFaceLevel).toBe(NO_FACE_LEVELS);
    r = run(r.state, [live('action_hint_face_aligned')]);
    expect(r.state.noFaceLevel).toBe(0);
  });
});

describe('session machine: close and hide on every screen', () => {
  const ready: SessionEvent = { type: 'session-ready', attempt: 1, info: info() };
  const capture: SessionEvent[] = [{ type: 'open' }, ready, opened(), { type: 'vision-ready', attempt: 1 }];
  const upTo: Record<string, { events: SessionEvent[]; instructions?: boolean }> = {
    starting: { events: [{ type: 'open' }] },
    instructions: { events: [{ type: 'open' }, ready], instructions: true },
    camera: { events: [{ type: 'open' }, ready] },
    capturing: { events: capture },
    confirming: { events: [...capture, captured()] },
    uploading: {
      events: [
        ...capture,
        captured(),
        { type: 'timer', attempt: 1, name: 'confirm' },
        { type: 'checked', attempt: 1 },
      ],
    },
    processing: {
      events: [
        ...capture,
        captured(),
        { type: 'timer', attempt: 1, name: 'confirm' },
        { type: 'checked', attempt: 1 },
        { type: 'uploaded', attempt: 1, result: processing },
      ],
    },
    result: {
      events: [
        ...capture,
        captured(),
        { type: 'timer', attempt: 1, name: 'confirm' },
        { type: 'checked', attempt: 1 },
        { type: 'uploaded', attempt: 1, result: finished },
      ],
    },
    failed: {
      events: [
        { type: 'open' },
        { type: 'failed', attempt: 1, failure: { code: 'camera_denied', detail: '', context: {} } },
      ],
    },
  };

  for (const [phase, { events, instructions }] of Object.entries(upTo)) {
    it(`${phase}: close ends it (everything released, on_close once); hide only hides`, () => {
      const at = run(initialSession(config({ showInstructions: instructions === true })), events).state;
      expect(at.phase).toBe(phase);
      const closed = run(at, [{ type: 'close' }, { type: 'close' }]);
      expect(closed.state.phase).toBe('closed');
      const k = kinds(closed.effects);
      expect(k).toContain('clear-timers');
      expect(k).toContain('abort-attempt'); // camera tracks, worker and requests of the attempt
      expect(k.filter((x) => x === 'cb:on_close')).toHaveLength(1);
      const hidden = stepSession(at, { type: 'hide' });
      expect(hidden.state).toMatchObject({ phase, hidden: true });
      expect(hidden.effects).toEqual([]);
    });
  }
});
