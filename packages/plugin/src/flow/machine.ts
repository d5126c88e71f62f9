import { ACTION_SPECS } from '../actions/catalog.js';
import { isPhotoAction } from '../document/photo-action.js';
import { ERROR_CODES } from '../errors/codes.js';
import { precheckDecision } from '../ondevice/decision.js';
import type { ResultPayload } from '../options.js';
import { captureOnlySession, type SessionInfo } from '../transport/adapter-api.js';
import type {
  FailureInfo,
  SessionConfig,
  SessionEffect,
  SessionEvent,
  SessionState,
  SessionStep,
} from './session-types.js';

/**
 * The session machine: starting (licence + session request) → instructions? → camera → per action
 * capturing → confirming → checking (pre-upload seam) → uploading → processing → result → closed, with
 * failed (Try again re-enters at starting) reachable from everywhere. A pure reducer: the driver in
 * session.ts carries out the named effects and feeds their outcomes back as events.
 */

/** Errors that come from the adapter or the analysis API rather than from the user's device. */
const SERVER_ERRORS: ReadonlySet<string> = new Set([
  'api_unavailable',
  'upload_failed',
  'container_rejected',
]);

/** Rungs of the no-face hint ladder after the plain hint. */
export const NO_FACE_LEVELS = 3;

export function initialSession(config: SessionConfig): SessionState {
  return {
    phase: 'starting',
    attempt: 0,
    config,
    hidden: false,
    info: null,
    actions: config.actions,
    index: 0,
    captured: [],
    photos: [],
    doc: null,
    cameraOpen: false,
    visionReady: false,
    video: null,
    frameWidth: 640,
    frameHeight: 480,
    deviceId: null,
    cameras: [],
    facing: 'user',
    live: null,
    noFaceLevel: 0,
    slow: false,
    loading: null,
    viewAspect: null,
    upload: null,
    pollFailures: 0,
    result: null,
    error: null,
  };
}

const step = (state: SessionState, effects: SessionEffect[] = []): SessionStep => ({ state, effects });

function begin(prev: SessionState): SessionStep {
  const state: SessionState = {
    ...initialSession(prev.config),
    attempt: prev.attempt + 1,
    hidden: prev.hidden,
    deviceId: prev.deviceId,
    viewAspect: prev.viewAspect,
  };
  if (!state.config.secure) {
    return fail(state, {
      code: 'insecure_context',
      detail: 'the page is not a secure context (https or a loopback host)',
      context: {},
    });
  }
  const effects: SessionEffect[] = [{ type: 'set-timer', name: 'slow', ms: state.config.timing.slowMs }];
  if (state.config.staticDeployment) {
    // Declared by the page: no adapter behind the plugin, so there is nothing to ask.
    const local = sessionReady(state, captureOnlySession('', state.config.actions));
    return step(local.state, [...effects, ...local.effects]);
  }
  effects.push(
    { type: 'set-timer', name: 'request', ms: state.config.timing.requestTimeoutMs },
    { type: 'request-session' },
  );
  return step(state, effects);
}

function sessionReady(s: SessionState, info: SessionInfo): SessionStep {
  const effects: SessionEffect[] = [{ type: 'clear-timer', name: 'request' }];
  if (info.iframe_allowed === false && s.config.inIframe) {
    const f = fail(s, {
      code: 'iframe_not_allowed',
      detail: 'the adapter does not allow the plugin inside an iframe',
      context: {},
    });
    return step(f.state, [...effects, ...f.effects]);
  }
  const actions = info.actions.length > 0 ? info.actions : s.config.actions;
  const state: SessionState = { ...s, info, actions };
  effects.push({ type: 'telemetry', event: 'opened' });
  // The sealed container carries shot sets only: a photo there would be dropped, so it is refused up front.
  const sealed = info.architecture === 'capture' && info.use_wasm_container;
  const unsupported = actions.filter((a) => !ACTION_SPECS[a] && (sealed || !isPhotoAction(a)));
  if (unsupported.length > 0) {
    const f = fail(state, {
      code: 'invalid_options',
      detail: `action(s) not supported here: ${unsupported.join(', ')}`,
      context: {},
    });
    return step(f.state, [...effects, ...f.effects]);
  }
  if (s.config.showInstructions) return step({ ...state, phase: 'instructions' }, effects);
  const cam = enterCamera(state);
  return step(cam.state, [...effects, ...cam.effects]);
}

function enterCamera(s: SessionState): SessionStep {
  return step({ ...s, phase: 'camera' }, [{ type: 'open-capture', deviceId: s.deviceId }]);
}

function maybeStartCapture(s: SessionState): SessionStep {
  if (!s.cameraOpen || !s.visionReady || s.phase !== 'camera') return step(s);
  return runAction({ ...s, phase: 'capturing', index: 0, slow: false, loading: null }, [
    { type: 'clear-timer', name: 'slow' },
    { type: 'telemetry', event: 'camera_ready' },
  ]);
}

function runAction(s: SessionState, effects: SessionEffect[]): SessionStep {
  const action = s.actions[s.index];
  if (!action) return finishCapture(s);
  return step({ ...s, phase: 'capturing', live: null, doc: null, noFaceLevel: 0 }, [
    ...effects,
    { type: 'clear-timer', name: 'no-face' },
    { type: 'telemetry', event: 'action_start', detail: action },
    { type: 'run-action', index: s.index, action },
  ]);
}

function finishCapture(s: SessionState): SessionStep {
  const released: SessionEffect[] = [{ type: 'clear-timer', name: 'no-face' }, { type: 'release-capture' }];
  const info = s.info;
  const bare = { ...s, video: null, cameraOpen: false, live: null, doc: null };
  if (info?.architecture === 'capture') {
    // With the sealed container the page gets one opaque blob instead of readable frames (plugin-api §5.5).
    if (info.use_wasm_container) return step({ ...bare, phase: 'sealing' }, [...released, { type: 'seal' }]);
    const c = close(bare);
    return step(c.state, [...released, ...c.effects]);
  }
  // on_device_precheck: a confident on-device decline asks for a new try before anything is uploaded.
  const pre = precheckDecision(
    s.captured.map((c) => ({
      result: c.onDevice ?? null,
      brightness: c.clip.frames.map((f) => f.metrics.brightness),
    })),
    s.config.onDevicePrecheckBar ?? null,
  );
  if (pre.retry) {
    const f = fail(bare, {
      code: 'on_device_declined',
      detail: `on-device liveness declined the capture (confidence_spoofing ${pre.confidence_spoofing}); nothing was uploaded`,
      context: { reason: pre.reason, confidence_spoofing: pre.confidence_spoofing },
    });
    return step(f.state, [...released, ...f.effects]);
  }
  // The seam before the upload: a pre-check (document quality, on-device analysis) answers `checked`.
  return step({ ...bare, phase: 'checking' }, [...released, { type: 'check-capture' }]);
}

function onResult(s: SessionState, result: ResultPayload): SessionStep {
  const effects: SessionEffect[] = [{ type: 'callback', name: 'on_result', payload: result }];
  if (result.state === 'finished') {
    effects.push(
      { type: 'telemetry', event: 'result', detail: 'finished' },
      { type: 'callback', name: 'on_complete', payload: result },
      { type: 'set-timer', name: 'result', ms: s.config.timing.resultMs },
    );
    return step({ ...s, phase: 'result', result, upload: null }, effects);
  }
  const interval = s.info?.results_polling_interval ?? 1000;
  effects.push({ type: 'set-timer', name: 'poll', ms: interval });
  return step({ ...s, phase: 'processing', result, upload: null, pollFailures: 0 }, effects);
}

export function fail(s: SessionState, failure: FailureInfo): SessionStep {
  const retryable = ERROR_CODES[failure.code].retryable;
  const state: SessionState = {
    ...s,
    phase: 'failed',
    error: { ...failure, retryable },
    video: null,
    cameraOpen: false,
    visionReady: false,
    live: null,
    upload: null,
    slow: false,
  };
  const effects: SessionEffect[] = [
    { type: 'clear-timers' },
    { type: 'abort-attempt' },
    { type: 'telemetry', event: 'error', detail: failure.code },
    { type: 'callback', name: 'on_error', payload: failure },
  ];
  // `disable_adapter_errors_on_screen`: server-side failures reach the page only through on_error.
  if (s.info?.disable_adapter_errors_on_screen && SERVER_ERRORS.has(failure.code)) {
    const c = close(state);
    return step(c.state, [...effects, ...c.effects]);
  }
  return step(state, effects);
}

function close(s: SessionState): SessionStep {
  return step({ ...s, phase: 'closed', video: null, cameraOpen: false, live: null }, [
    { type: 'clear-timers' },
    { type: 'abort-attempt' },
    { type: 'telemetry', event: 'close' },
    // `ended` first: the page may call open() again from inside on_close.
    { type: 'ended' },
    { type: 'callback', name: 'on_close' },
  ]);
}

function progress(s: SessionState, live: SessionState['live']): SessionStep {
  const wasNoFace = s.live?.hint === 'action_hint_no_face';
  const isNoFace = live?.hint === 'action_hint_no_face';
  const next = { ...s, live };
  if (isNoFace && !wasNoFace)
    return step({ ...next, noFaceLevel: 0 }, [
      { type: 'set-timer', name: 'no-face', ms: s.config.timing.noFaceStepMs },
    ]);
  if (!isNoFace && wasNoFace)
    return step({ ...next, noFaceLevel: 0 }, [{ type: 'clear-timer', name: 'no-face' }]);
  return step(next);
}

function onTimer(s: SessionState, name: Extract<SessionEvent, { type: 'timer' }>['name']): SessionStep {
  switch (name) {
    case 'request':
      if (s.phase !== 'starting') return step(s);
      return fail(s, {
        code: 'session_timeout',
        detail: `no session answer within ${s.config.timing.requestTimeoutMs} ms`,
        context: {},
      });
    case 'slow':
      return s.phase === 'starting' || s.phase === 'camera' ? step({ ...s, slow: true }) : step(s);
    case 'confirm':
      if (s.phase !== 'confirming') return step(s);
      return runAction({ ...s, index: s.index + 1 }, []);
    case 'poll':
      return s.phase === 'processing' ? step(s, [{ type: 'fetch-result' }]) : step(s);
    case 'result':
      return s.phase === 'result' ? close(s) : step(s);
    case 'no-face':
      if (s.phase !== 'capturing' || s.live?.hint !== 'action_hint_no_face') return step(s);
      if (s.noFaceLevel >= NO_FACE_LEVELS) return step(s);
      return step({ ...s, noFaceLevel: s.noFaceLevel + 1 }, [
        { type: 'set-timer', name: 'no-face', ms: s.config.timing.noFaceStepMs },
      ]);
  }
}

/** One action finished (its media already kept in `s`): tell the page, confirm, then the next action. */
function actionDone(s: SessionState, pageResult: unknown): SessionStep {
  const action = s.actions[s.index] ?? '';
  const effects: SessionEffect[] = [
    { type: 'clear-timer', name: 'no-face' },
    { type: 'telemetry', event: 'action_done', detail: action },
  ];
  if (pageResult !== null)
    effects.push({ type: 'callback', name: 'on_capture_complete', payload: pageResult });
  effects.push({ type: 'set-timer', name: 'confirm', ms: s.config.timing.confirmMs });
  return step({ ...s, phase: 'confirming', live: null }, effects);
}

const ACTIVE = (s: SessionState) => s.phase !== 'failed' && s.phase !== 'closed';

export function stepSession(s: SessionState, ev: SessionEvent): SessionStep {
  if (s.phase === 'closed') return step(s);
  // Outcomes of an earlier attempt (before a Try again) or of a finished one change nothing.
  if ('attempt' in ev && ev.attempt !== s.attempt) return step(s);
  switch (ev.type) {
    case 'open':
      return s.attempt === 0 ? begin(s) : step(s);
    case 'close':
      return close(s);
    case 'hide':
      return step({ ...s, hidden: true });
    case 'viewport':
      return step({ ...s, viewAspect: ev.aspect > 0 && Number.isFinite(ev.aspect) ? ev.aspect : null });
    case 'retry':
      return s.phase === 'failed' && s.error?.retryable ? begin(s) : step(s);
    case 'failed':
      return ACTIVE(s) ? fail(s, ev.failure) : step(s);
    case 'timer':
      return onTimer(s, ev.name);
    case 'session-ready':
      return s.phase === 'starting' ? sessionReady(s, ev.info) : step(s);
    case 'start':
      return s.phase === 'instructions' ? enterCamera(s) : step(s);
    case 'camera-opened': {
      if (s.phase !== 'camera' && s.phase !== 'capturing' && s.phase !== 'confirming') return step(s);
      const next: SessionState = {
        ...s,
        cameraOpen: true,
        video: ev.video,
        frameWidth: ev.width,
        frameHeight: ev.height,
        deviceId: ev.deviceId,
        facing: ev.facing,
        cameras: ev.cameras,
      };
      return maybeStartCapture(next);
    }
    case 'vision-ready':
      return s.phase === 'camera' ? maybeStartCapture({ ...s, visionReady: true }) : step(s);
    case 'load-progress':
      // Only while the model is awaited: once capturing, a late report changes nothing.
      return s.phase === 'starting' || s.phase === 'camera' ? step({ ...s, loading: ev.fraction }) : step(s);
    case 'switch-camera':
      if (!s.cameraOpen || ev.deviceId === s.deviceId) return step(s);
      return step(s, [{ type: 'switch-camera', deviceId: ev.deviceId }]);
    case 'progress':
      return s.phase === 'capturing' ? progress(s, ev.live) : step(s);
    case 'action-captured':
      return s.phase === 'capturing'
        ? actionDone({ ...s, captured: [...s.captured, ev.captured] }, ev.pageResult)
        : step(s);
    case 'photo-captured':
      return s.phase === 'capturing'
        ? actionDone({ ...s, photos: [...s.photos, ev.photo] }, ev.pageResult)
        : step(s);
    case 'doc-progress':
      return s.phase === 'capturing' ? step({ ...s, doc: ev.doc }) : step(s);
    case 'doc-input':
      return s.phase === 'capturing' && s.doc ? step(s, [{ type: 'doc-input', input: ev.input }]) : step(s);
    case 'checked':
      return s.phase === 'checking'
        ? step({ ...s, phase: 'uploading', upload: 0 }, [
            { type: 'telemetry', event: 'upload_start' },
            { type: 'upload' },
          ])
        : step(s);
    case 'sealed': {
      if (s.phase !== 'sealing') return step(s);
      const c = close(s);
      return step(c.state, [
        { type: 'callback', name: 'on_capture_complete', payload: ev.blob },
        ...c.effects,
      ]);
    }
    case 'upload-progress':
      return s.phase === 'uploading' ? step({ ...s, upload: ev.fraction }) : step(s);
    case 'uploaded': {
      if (s.phase !== 'uploading') return step(s);
      const r = onResult({ ...s, upload: 1 }, ev.result);
      return step(r.state, [
        { type: 'telemetry', event: 'upload_done' },
        { type: 'callback', name: 'on_submit' },
        ...r.effects,
      ]);
    }
    case 'result':
      return s.phase === 'processing' ? onResult(s, ev.result) : step(s);
    case 'poll-failed': {
      if (s.phase !== 'processing') return step(s);
      const failures = s.pollFailures + 1;
      // A blip must not end the session: back off, and give up only after several failures in a row.
      if (failures > s.config.timing.maxPollFailures) return fail(s, ev.failure);
      const interval = s.info?.results_polling_interval ?? 1000;
      return step({ ...s, pollFailures: failures }, [
        { type: 'set-timer', name: 'poll', ms: interval * 2 ** Math.min(failures, 4) },
      ]);
    }
  }
}
