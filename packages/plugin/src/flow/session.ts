import { ACTION_SPECS } from '../actions/catalog.js';
import { type Camera, openCamera } from '../camera/camera.js';
import { captureResult } from '../capture/result.js';
import { ERROR_CODES, type LivenessError, LivenessFailure, toFailure } from '../errors/codes.js';
import type { NormalizedOptions } from '../options.js';
import { VisionClient, type VisionUrls } from '../vision/client.js';
import { runAction } from './action-runner.js';
import { createStore, type Store } from './store.js';
import { initialViewState, type ViewState } from './view-state.js';

export interface SessionDeps {
  urls: VisionUrls;
  translate: (key: string) => string;
  /** Called once when the session has ended for any reason (after on_close). */
  onEnded: () => void;
}

/**
 * One capture session: load → camera → actions → (capture architecture: done) → closed.
 * Owns the camera and the vision worker and releases both on every exit path.
 */
export class LivenessSession {
  readonly id: string;
  readonly view: Store<ViewState>;
  private readonly abort = new AbortController();
  private camera: Camera | null = null;
  private vision: VisionClient | null = null;
  private closed = false;

  constructor(
    private readonly options: NormalizedOptions,
    private readonly deps: SessionDeps,
  ) {
    this.id = crypto.randomUUID();
    this.view = createStore<ViewState>({ ...initialViewState, actionCount: options.action.length });
  }

  async run(): Promise<void> {
    try {
      // Document photos are not built yet: refuse them up front rather than fake them.
      const unsupported = this.options.action.filter((a) => !ACTION_SPECS[a]);
      if (unsupported.length > 0) {
        throw new LivenessFailure(
          'invalid_options',
          `action(s) not supported by this build: ${unsupported.join(', ')}`,
        );
      }
      this.vision = new VisionClient(this.deps.urls);
      this.view.set({ statusKey: 'accessing_camera' });
      const cameraPromise = openCamera(
        {
          timeoutMs: this.options.get_user_media_timeout,
          ...(this.options.device_id ? { deviceId: this.options.device_id } : {}),
          facingMode: this.options.cameraFacingMode ?? 'user',
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
      if (this.closed) return;
      const settings = camera.track.getSettings();
      this.view.set({
        phase: 'capturing',
        statusKey: null,
        video: camera.video,
        frameWidth: settings.width ?? camera.video.videoWidth,
        frameHeight: settings.height ?? camera.video.videoHeight,
      });
      for (const [index, action] of this.options.action.entries()) {
        const spec = ACTION_SPECS[action];
        if (!spec) continue;
        this.view.set({
          action,
          actionIndex: index,
          hint: null,
          recording: null,
          prompt: null,
          scanning: false,
        });
        const clip = await runAction(
          spec,
          camera.video,
          this.vision,
          ({ metrics: m, hint, state }) => {
            this.options.diagnostics?.on_frame?.({ ...m, hint, action });
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
        if (this.closed) return;
        const additionalInfo = JSON.stringify({
          version: 1,
          sdk: 'open-liveness',
          event_session_id: this.id,
        });
        const result = await captureResult(clip, additionalInfo, false);
        this.callback('on_capture_complete', result);
      }
      // Capture architecture: the page receives everything through on_capture_complete, so we are done.
      this.close();
    } catch (err) {
      if (this.closed) return;
      this.fail(toFailure(err));
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
    this.release();
    this.view.set({ phase: 'closed', video: null });
    this.callback('on_close');
    this.deps.onEnded();
  }

  private release(): void {
    this.camera?.stop();
    this.camera = null;
    this.vision?.terminate();
    this.vision = null;
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
    this.release();
    this.view.set({ phase: 'failed', errorKey: entry.messageKey, statusKey: null, video: null });
    this.callback('on_error', error);
  }

  /** Host callbacks must never break the session: their exceptions are logged and swallowed here. */
  private callback<K extends 'on_capture_complete' | 'on_error' | 'on_close'>(
    name: K,
    ...args: Parameters<NonNullable<NormalizedOptions[K]>>
  ): void {
    const fn = this.options[name] as ((...a: typeof args) => void) | undefined;
    if (!fn) return;
    try {
      fn(...args);
    } catch (err) {
      console.error(`[OzLiveness] ${name} callback threw`, err);
    }
  }
}
