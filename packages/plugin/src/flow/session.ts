import { ACTION_SPECS } from '../actions/catalog.js';
import { type Camera, openCamera } from '../camera/camera.js';
import { cameraPlan } from '../camera/camera-plan.js';
import { isMobileDevice } from '../camera/device-kind.js';
import type { Clip } from '../capture/clip.js';
import { captureResult } from '../capture/result.js';
import { ERROR_CODES, type LivenessError, LivenessFailure, toFailure } from '../errors/codes.js';
import { DEFAULT_INTEGRITY_POLICY, type IntegrityPolicy } from '../integrity/policy.js';
import { SessionEvidence } from '../integrity/session-evidence.js';
import { loadLicenseFromUrl } from '../licensing/load.js';
import type { NormalizedOptions, ResultPayload } from '../options.js';
import { captureOnlySession, type SessionInfo, startSession } from '../transport/adapter-api.js';
import { Telemetry } from '../transport/telemetry.js';
import { VisionClient, type VisionUrls } from '../vision/client.js';
import { runAction } from './action-runner.js';
import { createStore, type Store } from './store.js';
import { buildBody, submitCapture } from './submit.js';
import { initialViewState, type ViewState } from './view-state.js';

export interface SessionDeps {
  /** Adapter base URL, ending with '/'. */
  base: string;
  urls: VisionUrls;
  packWorkerUrl: string;
  translate: (key: string) => string;
  /** HOOK(issue-13, preinit): a vision client warmed before open() (`preinit: full`), else null. */
  takeVision?: () => VisionClient | null;
  /** Called once when the session has ended for any reason (after on_close). */
  onEnded: () => void;
}

/** Errors that come from the adapter or the analysis API rather than from the user's device. */
const SERVER_ERRORS: ReadonlySet<string> = new Set([
  'api_unavailable',
  'upload_failed',
  'container_rejected',
]);

type HostCallback =
  | 'on_capture_complete'
  | 'on_error'
  | 'on_close'
  | 'on_submit'
  | 'on_result'
  | 'on_complete';

/**
 * One session: adapter handshake → camera + model → each action → evidence → (normal/lite: upload →
 * results) → closed. Owns the camera, the worker and the timers, and releases them on every exit path.
 */
export class LivenessSession {
  readonly id: string;
  readonly view: Store<ViewState>;
  private readonly abort = new AbortController();
  private camera: Camera | null = null;
  private vision: VisionClient | null = null;
  private evidence: SessionEvidence | null = null;
  private telemetry: Telemetry;
  private info: SessionInfo | null = null;
  private closed = false;

  constructor(
    private readonly options: NormalizedOptions,
    private readonly deps: SessionDeps,
  ) {
    this.id = crypto.randomUUID();
    this.view = createStore<ViewState>({ ...initialViewState, actionCount: options.action.length });
    this.telemetry = new Telemetry(null, this.id);
  }

  async run(): Promise<void> {
    try {
      const info = await this.handshake();
      this.info = info;
      this.telemetry = new Telemetry(
        info.architecture === 'capture' ? null : `${this.deps.base}api/v1/telemetry`,
        this.id,
      );
      this.telemetry.add('opened');
      const clips = await this.capture(info);
      if (this.closed) return;
      if (info.architecture === 'capture') {
        // With the sealed container the page gets one opaque blob instead of readable frames (plugin-api §5.5).
        if (info.use_wasm_container) {
          const sealed = await buildBody({
            info,
            options: this.options,
            clips,
            packWorkerUrl: this.deps.packWorkerUrl,
          });
          this.callback(
            'on_capture_complete',
            new Blob([sealed as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
          );
        }
        this.close();
        return;
      }
      await submitCapture({
        base: this.deps.base,
        packWorkerUrl: this.deps.packWorkerUrl,
        info,
        clips,
        options: this.options,
        view: this.view,
        telemetry: this.telemetry,
        signal: this.abort.signal,
        onSubmit: () => this.callback('on_submit'),
        onResult: (r: ResultPayload) => this.callback('on_result', r),
        onComplete: (r: ResultPayload) => this.callback('on_complete', r),
      });
      if (!this.closed) this.close();
    } catch (err) {
      if (this.closed) return;
      this.fail(toFailure(err));
    }
  }

  /** The page's licence: `license` as given, else the JSON at `licenseUrl` (relative to the page). */
  private async pageLicense(): Promise<unknown> {
    if (this.options.license) return this.options.license;
    if (!this.options.licenseUrl) return undefined;
    const loaded = await loadLicenseFromUrl(new URL(this.options.licenseUrl, location.href).href, fetch);
    if (!loaded.ok)
      throw new LivenessFailure('license_invalid', loaded.message, { licenseUrl: this.options.licenseUrl });
    return loaded.value;
  }

  private async handshake(): Promise<SessionInfo> {
    const license = await this.pageLicense();
    const request = {
      event_session_id: this.id,
      meta: this.options.meta,
      ...(this.options.actionGiven ? { actions: this.options.action } : {}),
      ...(this.options.token ? { token: this.options.token } : {}),
      ...(license !== undefined ? { license } : {}),
    };
    const info =
      (await startSession(this.deps.base, request, this.abort.signal)) ??
      captureOnlySession(this.id, this.options.action);
    if (info.iframe_allowed === false && window.self !== window.top) {
      throw new LivenessFailure(
        'iframe_not_allowed',
        'the adapter does not allow the plugin inside an iframe',
      );
    }
    return info;
  }

  private async capture(info: SessionInfo): Promise<Array<{ clip: Clip; additionalInfo: string }>> {
    const actions = info.actions.length > 0 ? info.actions : this.options.action;
    // Document photos are not built yet: refuse them up front rather than fake them.
    const unsupported = actions.filter((a) => !ACTION_SPECS[a]);
    if (unsupported.length > 0) {
      throw new LivenessFailure(
        'invalid_options',
        `action(s) not supported by this build: ${unsupported.join(', ')}`,
      );
    }
    const policy: IntegrityPolicy = {
      ...DEFAULT_INTEGRITY_POLICY,
      mode: info.integrity.mode,
      trustedTestDevices: info.integrity.trusted_test_devices,
      devtools: info.integrity.devtools ?? DEFAULT_INTEGRITY_POLICY.devtools,
    };
    this.evidence = new SessionEvidence(policy);
    // HOOK(issue-13, preinit): adopt the warm worker when there is one.
    this.vision = this.deps.takeVision?.() ?? new VisionClient(this.deps.urls);
    // HOOK(issue-13, use_for_liveness / load_3d_mask): camera and guide from adapter + page options.
    const plan = cameraPlan({
      useForLiveness: info.use_for_liveness ?? null,
      cameraFacingMode: this.options.cameraFacingMode,
      enable3dMask: this.options.enable_3d_mask,
      load3dMask: info.load_3d_mask === true,
      mobile: isMobileDevice(navigator),
    });
    for (const w of plan.warnings) console.warn(`[OzLiveness] ${w}`);
    this.view.set({
      statusKey: 'accessing_camera',
      actionCount: actions.length,
      mirror: plan.mirror,
      ovalAnimation: plan.ovalAnimation,
      mask3d: plan.mask3d,
    });
    const cameraPromise = openCamera(
      {
        timeoutMs: this.options.get_user_media_timeout,
        ...(this.options.device_id ? { deviceId: this.options.device_id } : {}),
        facingMode: plan.facingMode,
      },
      this.abort.signal,
    );
    // Keep hold of the camera as soon as it opens, so close() during model loading still stops it.
    const tracked = cameraPromise.then((c) => {
      if (this.closed) c.stop();
      else this.camera = c;
      return c;
    });
    const [camera] = await Promise.all([tracked, this.vision.whenReady()]);
    if (this.closed) return [];
    this.telemetry.add('camera_ready');
    this.evidence.watch(camera.video, camera.track);
    const settings = camera.track.getSettings();
    this.view.set({
      phase: 'capturing',
      statusKey: null,
      video: camera.video,
      frameWidth: settings.width ?? camera.video.videoWidth,
      frameHeight: settings.height ?? camera.video.videoHeight,
    });
    const captured: Array<{ clip: Clip; additionalInfo: string }> = [];
    for (const [index, action] of actions.entries()) {
      const clip = await this.captureAction(action, index, camera);
      if (this.closed) return captured;
      const evidence = await this.evidence.conclude();
      if (evidence.block)
        throw new LivenessFailure('integrity_blocked', 'capture stopped by the integrity policy');
      captured.push({ clip, additionalInfo: evidence.additionalInfo });
      const sealedForPage = info.architecture === 'capture' && info.use_wasm_container;
      if (!sealedForPage) {
        this.callback(
          'on_capture_complete',
          await captureResult(clip, evidence.additionalInfo, evidence.virtualCamera),
        );
      }
    }
    this.releaseCapture();
    return captured;
  }

  private async captureAction(
    action: NormalizedOptions['action'][number],
    index: number,
    camera: Camera,
  ): Promise<Clip> {
    const spec = ACTION_SPECS[action];
    const vision = this.vision;
    if (!spec || !vision) throw new LivenessFailure('internal_error', `no machine for ${action}`);
    this.view.set({ action, actionIndex: index, hint: null, recording: null, prompt: null, scanning: false });
    this.telemetry.add('action_start', action);
    try {
      const clip = await runAction(
        spec,
        camera.video,
        vision,
        ({ metrics: m, hint, state }) => {
          this.options.diagnostics?.on_frame?.({ ...m, hint, action });
          if (hint) this.telemetry.add('hint', hint);
          const prompting =
            state.phase === 'prompting' || (state.phase === 'recording' && spec.kind === 'scan');
          this.view.set({
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
          });
        },
        this.abort.signal,
      );
      this.telemetry.add('action_done', action);
      return clip;
    } catch (err) {
      this.telemetry.add('action_fail', action);
      throw err;
    }
  }

  hide(): void {
    this.view.set({ hidden: true });
  }

  /** Ends the session: aborts work, releases the camera and worker, then calls on_close once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    this.releaseCapture();
    this.telemetry.add('close');
    this.telemetry.flush(true);
    this.view.set({ phase: 'closed', video: null });
    this.callback('on_close');
    this.deps.onEnded();
  }

  /** The camera and the model are needed only while capturing: free them before the upload. */
  private releaseCapture(): void {
    this.evidence?.stop();
    this.camera?.stop();
    this.camera = null;
    this.vision?.terminate();
    this.vision = null;
    this.view.set({ video: null });
  }

  private fail(failure: LivenessFailure): void {
    const entry = ERROR_CODES[failure.code];
    const error: LivenessError = {
      code: failure.code,
      message: failure.message || this.deps.translate(entry.messageKey),
      event_session_id: this.id,
      context: failure.context,
      retryable: entry.retryable,
    };
    this.releaseCapture();
    this.telemetry.add('error', failure.code);
    this.telemetry.flush();
    this.callback('on_error', error);
    // `disable_adapter_errors_on_screen`: server-side failures reach the page only through on_error.
    if (this.info?.disable_adapter_errors_on_screen && SERVER_ERRORS.has(failure.code)) {
      this.close();
      return;
    }
    this.view.set({ phase: 'failed', errorKey: entry.messageKey, statusKey: null, video: null });
  }

  /** Host callbacks must never break the session: their exceptions are logged and swallowed here. */
  private callback(name: HostCallback, ...args: unknown[]): void {
    const fn = this.options[name] as ((...a: unknown[]) => void) | undefined;
    if (!fn) return;
    try {
      fn(...args);
    } catch (err) {
      console.error(`[OzLiveness] ${name} callback threw`, err);
    }
  }
}
