import { ACTION_SPECS, type ActionSpec } from '../actions/catalog.js';
import { type Camera, openCamera } from '../camera/camera.js';
import { cameraPlan } from '../camera/camera-plan.js';
import { isMobileDevice } from '../camera/device-kind.js';
import { pickableCameras, rememberCamera, rememberedCamera } from '../camera/devices.js';
import { createFrameSource, type FrameSource } from '../camera/frame-source.js';
import type { Clip } from '../capture/clip.js';
import { captureResult } from '../capture/result.js';
import { ERROR_CODES, type LivenessError, LivenessFailure, toFailure } from '../errors/codes.js';
import { DEFAULT_INTEGRITY_POLICY, type IntegrityPolicy } from '../integrity/policy.js';
import { SessionEvidence } from '../integrity/session-evidence.js';
import { loadLicenseFromUrl } from '../licensing/load.js';
import { OnDeviceClient, onDeviceUrls } from '../ondevice/client.js';
import { withOnDevice } from '../ondevice/evidence.js';
import type { ActionId, NormalizedOptions, ResultPayload } from '../options.js';
import { fetchResult, type SessionInfo, startSession, uploadMedia } from '../transport/adapter-api.js';
import { Telemetry, type TelemetryType } from '../transport/telemetry.js';
import { VisionClient, type VisionUrls } from '../vision/client.js';
import { type ActionContext, runFaceAction } from './action-runner.js';
import { initialSession, stepSession } from './machine.js';
import { guideOval } from './oval.js';
import { selectView } from './select-view.js';
import { browserEnv, type SessionEnv, sessionConfig } from './session-config.js';
import type {
  CapturedAction,
  FailureInfo,
  HostCallback,
  LiveFrame,
  SessionEffect,
  SessionEvent,
  SessionState,
  SessionTimer,
} from './session-types.js';
import { createStore, type Store } from './store.js';
import { buildBody } from './submit.js';
import type { ViewState } from './view-state.js';

export interface SessionDeps {
  /** Adapter base URL, ending with '/'. */
  base: string;
  urls: VisionUrls;
  packWorkerUrl: string;
  translate: (key: string) => string;
  /** Called once when the session has ended for any reason (before on_close, so on_close may open again). */
  onEnded: () => void;
  env?: SessionEnv;
  /** A vision client warmed before open() (`preinit: full`), else null. */
  takeVision?: () => VisionClient | null;
  /** The script tag declared an adapter-less static deployment (`data-architecture="capture"`). */
  staticCapture?: boolean;
  /** Runs between "capture done" and the upload (document quality, on-device analysis); resolves to go on. */
  preUpload?: (captured: readonly CapturedAction[]) => Promise<void>;
  /** Starts the on-device liveness worker (`open({on_device: true})`); default: the adapter's files at `base`. */
  createOnDevice?: () => OnDeviceClient;
  /** Runners for actions that are not face actions (document photos…); face actions use runFaceAction. */
  actionRunners?: Partial<Record<ActionId, ActionRunner>>;
}

/** Runs one action with the session's camera frames and model; resolves with its clip. */
export type ActionRunner = (action: ActionId, ctx: ActionContext) => Promise<Clip>;

/** What one attempt holds; all of it is released together. */
interface Attempt {
  abort: AbortController;
  camera: Camera | null;
  frames: FrameSource | null;
  vision: VisionClient | null;
  /** The on-device liveness worker, only with `open({on_device: true})`. */
  onDevice: OnDeviceClient | null;
  evidence: SessionEvidence | null;
  uploadedSession: string | null;
}

/**
 * The session's effect driver: it owns the camera, the worker, the timers and the network, carries out
 * the machine's effects, and feeds their outcomes back as events. Every decision is in machine.ts.
 */
export class LivenessSession {
  readonly id: string;
  readonly view: Store<ViewState>;
  private state: SessionState;
  private readonly env: SessionEnv;
  private telemetry: Telemetry;
  private readonly timers = new Map<SessionTimer, ReturnType<typeof setTimeout>>();
  private attempt: Attempt = LivenessSession.freshAttempt();

  constructor(
    private readonly options: NormalizedOptions,
    private readonly deps: SessionDeps,
  ) {
    this.id = crypto.randomUUID();
    this.env = deps.env ?? browserEnv();
    this.state = initialSession(sessionConfig(options, this.env, deps.staticCapture === true));
    this.view = createStore<ViewState>(this.present(selectView(this.state)));
    this.telemetry = new Telemetry(null, this.id);
  }

  private static freshAttempt(): Attempt {
    return {
      abort: new AbortController(),
      camera: null,
      frames: null,
      vision: null,
      onDevice: null,
      evidence: null,
      uploadedSession: null,
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
  send(ev: Extract<SessionEvent, { type: 'retry' | 'start' | 'switch-camera' | 'viewport' }>): void {
    this.dispatch(ev);
  }

  /** Feeds one event to the machine and carries out its effects; close() inside a callback stops the rest. */
  dispatch(ev: SessionEvent): void {
    const before = this.state;
    const { state, effects } = stepSession(before, ev);
    this.state = state;
    if (state !== before) this.view.set(this.present(selectView(state)));
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
    switch (e.type) {
      case 'request-session':
        this.later(this.requestSession().then((info) => ({ type: 'session-ready', attempt, info })));
        return;
      case 'open-capture':
        this.openCapture(attempt, e.deviceId);
        return;
      case 'switch-camera':
        this.later(this.switchCamera(attempt, e.deviceId));
        return;
      case 'run-action':
        this.later(this.runAction(attempt, e.action));
        return;
      case 'release-capture':
        this.releaseCapture();
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
        this.later(
          this.body().then((body) => ({
            type: 'sealed',
            attempt,
            blob: new Blob([body as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
          })),
        );
        return;
      case 'upload':
        this.later(this.upload(attempt));
        return;
      case 'fetch-result':
        this.fetchResult(attempt);
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
        this.releaseCapture();
        this.attempt.abort.abort();
        this.attempt = LivenessSession.freshAttempt();
        return;
      case 'telemetry':
        this.track(e.event, e.detail);
        return;
      case 'callback':
        this.callback(
          e.name,
          e.name === 'on_error' ? this.errorPayload(e.payload as FailureInfo) : e.payload,
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

  /** The page's licence: `license` as given, else the JSON at `licenseUrl` (relative to the page). */
  private async pageLicense(): Promise<unknown> {
    if (this.options.license) return this.options.license;
    if (!this.options.licenseUrl) return undefined;
    const url = new URL(this.options.licenseUrl, this.env.location.href).href;
    const loaded = await loadLicenseFromUrl(url, this.env.fetch);
    if (!loaded.ok) throw failure('license_invalid', loaded.message, { licenseUrl: this.options.licenseUrl });
    return loaded.value;
  }

  private async requestSession(): Promise<SessionInfo> {
    const signal = this.attempt.abort.signal;
    const license = await this.pageLicense();
    const request = {
      event_session_id: this.id,
      meta: this.options.meta,
      ...(this.options.actionGiven ? { actions: this.options.action } : {}),
      ...(this.options.token ? { token: this.options.token } : {}),
      ...(license !== undefined ? { license } : {}),
    };
    return startSession(this.deps.base, request, signal, {
      fetch: this.env.fetch,
      origin: this.env.location.origin,
    });
  }

  private policy(info: SessionInfo | null): IntegrityPolicy {
    if (!info) return DEFAULT_INTEGRITY_POLICY;
    return {
      ...DEFAULT_INTEGRITY_POLICY,
      mode: info.integrity.mode,
      trustedTestDevices: info.integrity.trusted_test_devices,
      devtools: info.integrity.devtools ?? DEFAULT_INTEGRITY_POLICY.devtools,
    };
  }

  /** Operator mode (use_for_liveness) on a desktop: no mirror flip and no oval animation. */
  private operatorView: { mirror: boolean; ovalAnimation: boolean } = { mirror: true, ovalAnimation: true };

  /**
   * The view with what the adapter's camera plan decides on top of the machine's projection. selectView hands
   * back a fresh object on every change (once per analysed frame), so it is completed in place, not copied.
   */
  private present(view: ViewState): ViewState {
    view.mirrored &&= this.operatorView.mirror;
    view.ovalAnimation = this.operatorView.ovalAnimation;
    return view;
  }

  private openCapture(attempt: number, chosen: string | null): void {
    const held = this.attempt;
    const signal = held.abort.signal;
    held.evidence = new SessionEvidence(this.policy(this.state.info));
    // preinit: full hands over a worker warmed before open(); it serves the first attempt only.
    const vision = this.deps.takeVision?.() ?? new VisionClient(this.deps.urls);
    held.vision = vision;
    // Loads in parallel with the camera and the face model; the first action's end waits for it if need be.
    if (this.options.on_device)
      held.onDevice ??= this.deps.createOnDevice?.() ?? new OnDeviceClient(onDeviceUrls(this.deps.base));
    const info = this.state.info;
    const plan = cameraPlan({
      useForLiveness: info?.use_for_liveness ?? null,
      cameraFacingMode: this.options.cameraFacingMode,
      enable3dMask: this.options.enable_3d_mask,
      load3dMask: info?.load_3d_mask === true,
      mobile: isMobileDevice(navigator),
    });
    if (attempt === 1) {
      for (const w of plan.warnings) console.warn(`[OzLiveness] ${w}`);
      // Said rather than silently dropped: the mesh renderer has not reached these screens yet (issue 10).
      if (this.options.onDevicePrecheckBar !== null && info?.architecture === 'capture')
        console.warn(
          '[OzLiveness] on_device_precheck: the capture architecture uploads nothing, so there is nothing to hold back; on_device in on_capture_complete is advisory for the page',
        );
      if (plan.mask3d)
        console.warn('[OzLiveness] enable_3d_mask: this build draws no 3D mask yet; showing the oval');
    }
    this.operatorView = { mirror: plan.mirror, ovalAnimation: plan.ovalAnimation };
    vision.onCrash((f) => this.dispatch({ type: 'failed', attempt, failure: failureOf(f) }));
    this.later(vision.whenReady().then(() => ({ type: 'vision-ready', attempt })));
    const storage = this.storage();
    const remembered = this.options.device_id ? null : rememberedCamera(storage);
    const deviceId = chosen ?? this.options.device_id ?? remembered ?? undefined;
    const open = (id: string | undefined) =>
      openCamera(
        {
          timeoutMs: this.options.get_user_media_timeout,
          ...(id ? { deviceId: id } : {}),
          facingMode: plan.facingMode,
        },
        signal,
      );
    // A remembered camera that is gone must not block the session: fall back to the default one.
    const opened = open(deviceId).catch((err: unknown) => {
      if (remembered && deviceId === remembered && failureOf(err).code === 'camera_not_found')
        return open(undefined);
      throw err;
    });
    this.later(
      opened.then(async (camera) => {
        if (signal.aborted || held !== this.attempt) {
          camera.stop();
          return null;
        }
        held.camera = camera;
        held.frames = createFrameSource(camera.video);
        held.evidence?.watch(held.frames, camera.track);
        return this.cameraOpened(attempt, camera);
      }),
    );
  }

  private async cameraOpened(attempt: number, camera: Camera): Promise<SessionEvent> {
    let cameras: Array<{ deviceId: string; label: string }> = [];
    try {
      cameras = pickableCameras(await navigator.mediaDevices.enumerateDevices());
    } catch {
      // no list: no picker
    }
    const settings = camera.track.getSettings();
    return {
      type: 'camera-opened',
      attempt,
      video: camera.video,
      width: settings.width ?? camera.video.videoWidth,
      height: settings.height ?? camera.video.videoHeight,
      deviceId: camera.deviceId,
      facing: camera.facing,
      cameras,
    };
  }

  private async switchCamera(attempt: number, deviceId: string): Promise<SessionEvent | null> {
    const held = this.attempt;
    const camera = held.camera;
    if (!camera) return null;
    await camera.switchTo(deviceId, this.options.get_user_media_timeout);
    held.evidence?.retrack(camera.track);
    rememberCamera(this.storage(), deviceId);
    return this.cameraOpened(attempt, camera);
  }

  private storage(): Storage | null {
    try {
      return this.env.window.localStorage ?? null;
    } catch {
      return null;
    }
  }

  /** The runner for one action kind. Face actions run the gesture/passive/scan machine. */
  private async runAction(attempt: number, action: ActionId): Promise<SessionEvent> {
    const held = this.attempt;
    const spec = ACTION_SPECS[action];
    const custom = this.deps.actionRunners?.[action];
    if ((!spec && !custom) || !held.frames || !held.vision || !held.evidence)
      throw failure('internal_error', `no runner for ${action}`);
    const ctx: ActionContext = {
      frames: held.frames,
      vision: held.vision,
      signal: held.abort.signal,
      ovalOf: (m) =>
        guideOval(m.frameWidth, m.frameHeight, this.state.config.nativeAspect ? null : this.state.viewAspect),
      onProgress: ({ metrics: m, hint, state }) => {
        this.options.diagnostics?.on_frame?.({ ...m, hint, action });
        if (hint) this.telemetry.add('hint', hint);
        if (!spec) return;
        const prompting =
          state.phase === 'prompting' || (state.phase === 'recording' && spec.kind === 'scan');
        const live: LiveFrame = {
          hint: hint ?? (prompting ? null : 'action_hint_face_aligned'),
          prompt: prompting && spec.kind !== 'passive' ? spec.promptKey : null,
          scanning: spec.kind === 'scan' && state.phase === 'recording',
          recording:
            state.phase === 'recording' && spec.kind === 'passive'
              ? Math.min(1, (m.timestamp - state.since) / spec.clipMs)
              : null,
          attempt: 'attempt' in state ? state.attempt : 1,
          face: m.box,
          frameWidth: m.frameWidth,
          frameHeight: m.frameHeight,
        };
        this.dispatch({ type: 'progress', attempt, live });
      },
    };
    const clip = custom ? await custom(action, ctx) : await runFaceAction(spec as ActionSpec, ctx);
    const evidence = await held.evidence.conclude();
    if (evidence.block) throw failure('integrity_blocked', 'capture stopped by the integrity policy');
    const onDevice = held.onDevice ? await held.onDevice.analyse(clip) : null;
    const additionalInfo = withOnDevice(evidence.additionalInfo, onDevice);
    const info = this.state.info;
    const sealedForPage = info?.architecture === 'capture' && info.use_wasm_container;
    const pageResult = sealedForPage
      ? null
      : {
          ...(await captureResult(clip, additionalInfo, evidence.virtualCamera)),
          device_id: held.camera?.deviceId ?? null,
          ...(onDevice ? { on_device: onDevice } : {}),
        };
    return {
      type: 'action-captured',
      attempt,
      captured: { clip, additionalInfo, onDevice },
      pageResult,
    };
  }

  private body(): Promise<FormData | Uint8Array> {
    const info = this.state.info;
    if (!info) return Promise.reject(failure('internal_error', 'no session'));
    return buildBody({
      info,
      options: this.options,
      clips: this.state.captured,
      packWorkerUrl: this.deps.packWorkerUrl,
    });
  }

  private async upload(attempt: number): Promise<SessionEvent> {
    const info = this.state.info;
    if (!info) throw failure('internal_error', 'no session');
    const body = await this.body();
    const held = this.attempt;
    const uploaded = await uploadMedia(
      this.deps.base,
      info,
      body,
      (fraction) => this.dispatch({ type: 'upload-progress', attempt, fraction }),
      held.abort.signal,
    );
    held.uploadedSession = uploaded.session;
    return { type: 'uploaded', attempt, result: uploaded.result };
  }

  private fetchResult(attempt: number): void {
    const held = this.attempt;
    const info = this.state.info;
    if (!info || !held.uploadedSession) return;
    fetchResult(this.deps.base, held.uploadedSession, info.event_session_id, held.abort.signal).then(
      (result: ResultPayload) => this.dispatch({ type: 'result', attempt, result }),
      (err: unknown) => {
        if (held.abort.signal.aborted) return;
        const f = failureOf(err);
        this.dispatch({
          type: 'poll-failed',
          attempt,
          failure: f.code === 'internal_error' ? { ...f, code: 'api_unavailable' } : f,
        });
      },
    );
  }

  /** The camera and the model are needed only while capturing: free them before the upload. */
  private releaseCapture(): void {
    const held = this.attempt;
    held.evidence?.stop();
    held.frames?.stop();
    held.frames = null;
    held.camera?.stop();
    held.camera = null;
    held.vision?.terminate();
    held.vision = null;
    held.onDevice?.terminate();
    held.onDevice = null;
  }

  private errorPayload(f: FailureInfo): LivenessError {
    const entry = ERROR_CODES[f.code];
    return {
      code: f.code,
      message: f.detail || this.deps.translate(entry.messageKey),
      event_session_id: this.id,
      context: f.context,
      retryable: entry.retryable,
    };
  }

  /** Host callbacks must never break the session: their exceptions are logged and swallowed here. */
  private callback(name: HostCallback, payload?: unknown): void {
    // After close no later batch runs (see dispatch), so only the closing batch's own callbacks get here.
    const fn = this.options[name] as ((...a: unknown[]) => void) | undefined;
    if (!fn) return;
    try {
      if (payload === undefined) fn();
      else fn(payload);
    } catch (err) {
      console.error(`[OzLiveness] ${name} callback threw`, err);
    }
  }
}

function failure(code: LivenessFailure['code'], detail: string, context: Record<string, unknown> = {}) {
  return new LivenessFailure(code, detail, context);
}

function failureOf(err: unknown): FailureInfo {
  if (err instanceof DOMException && err.name === 'AbortError')
    return { code: 'internal_error', detail: 'aborted', context: {} };
  const f = toFailure(err);
  return { code: f.code, detail: f.message, context: f.context };
}
