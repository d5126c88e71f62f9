import type { Camera } from '../camera/camera.js';
import type { FrameSource } from '../camera/frame-source.js';
import type { Clip } from '../capture/clip.js';
import type { SessionEvidence } from '../integrity/session-evidence.js';
import type { OnDeviceClient } from '../ondevice/client.js';
import type { ActionId, NormalizedOptions } from '../options.js';
import type { VisionClient, VisionUrls } from '../vision/client.js';
import type { MaskLook } from '../vision/mask/look.js';
import type { ActionContext } from './action-runner.js';
import type { SessionEnv } from './session-config.js';
import type { CapturedAction, SessionEvent, SessionState } from './session-types.js';

export interface SessionDeps {
  /** Adapter base URL, ending with '/'. */
  base: string;
  /** `style.maskCustomization`, for the 3D mask (drawn only with enable_3d_mask and the adapter's load_3d_mask). */
  maskLook?: MaskLook;
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
export interface Attempt {
  abort: AbortController;
  camera: Camera | null;
  frames: FrameSource | null;
  vision: VisionClient | null;
  /** The on-device liveness worker, only with `open({on_device: true})`. */
  onDevice: OnDeviceClient | null;
  evidence: SessionEvidence | null;
  uploadedSession: string | null;
}

export function freshAttempt(): Attempt {
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

/** The camera and the model are needed only while capturing: free them before the upload. */
export function releaseCapture(held: Attempt): void {
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

/**
 * What the effect jobs (capture-effects, action-effect, network-effects) see of the driver. State and attempt
 * are read through functions because both change while a job awaits.
 */
export interface DriverContext {
  readonly id: string;
  readonly options: NormalizedOptions;
  readonly deps: SessionDeps;
  readonly env: SessionEnv;
  state(): SessionState;
  held(): Attempt;
  dispatch(ev: SessionEvent): void;
  /** Feeds the promised event back to the machine, or a `failed` event for this attempt if it rejects. */
  later(promise: Promise<SessionEvent | null>): void;
  track(event: string, detail?: string): void;
}
