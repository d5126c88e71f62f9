import type { LocaleKey } from '@open-liveness/locales';
import type { OnDeviceResult } from '@open-liveness/trust';
import type { Hint } from '../actions/machine.js';
import type { Clip } from '../capture/clip.js';
import type { CapturedPhoto, DocumentInput, DocumentLive } from '../document/contract.js';
import type { ErrorCode } from '../errors/codes.js';
import type { ActionId, ResultPayload } from '../options.js';
import type { SessionInfo } from '../transport/adapter-api.js';
import type { Box } from '../vision/types.js';
import type { BrowserKind } from './browser.js';

/** The session's phases, in the order a person meets them. */
export type SessionPhase =
  | 'starting'
  | 'instructions'
  | 'camera'
  | 'capturing'
  | 'confirming'
  | 'checking'
  | 'sealing'
  | 'uploading'
  | 'processing'
  | 'result'
  | 'failed'
  | 'closed';

/** The host callbacks of plugin-api §5. */
export type HostCallback =
  | 'on_capture_complete'
  | 'on_error'
  | 'on_close'
  | 'on_submit'
  | 'on_result'
  | 'on_complete';

export type SessionTimer = 'request' | 'slow' | 'confirm' | 'poll' | 'result' | 'no-face';

/** A failure as the machine carries it: stable code, detail, context. */
export interface FailureInfo {
  code: ErrorCode;
  detail: string;
  context: Record<string, unknown>;
}

/** One finished action with its evidence string, kept for the upload. */
export interface CapturedAction {
  clip: Clip;
  additionalInfo: string;
  /** The on-device liveness result (`open({on_device: true})`), else absent. */
  onDevice?: OnDeviceResult | null;
}

/** What the current action shows per analysed frame. */
export interface LiveFrame {
  /** The guidance hint, or `action_hint_face_aligned` when nothing needs correcting. */
  hint: Hint | 'action_hint_face_aligned' | null;
  prompt: LocaleKey | null;
  scanning: boolean;
  recording: number | null;
  attempt: number;
  face: Box | null;
  frameWidth: number;
  frameHeight: number;
}

/** Fixed for the whole open(): what the page asked for and what the environment is. */
export interface SessionConfig {
  actions: ActionId[];
  /** The page declared an adapter-less static deployment: capture only, no session request. */
  staticDeployment: boolean;
  showInstructions: boolean;
  /** Show success/declined on the result screen (default: a neutral "done"). */
  showResultOutcome: boolean;
  /** window.isSecureContext, or an exempt loopback host. */
  secure: boolean;
  inIframe: boolean;
  /** `disable_adaptive_aspect_ratio`: keep the camera's native ratio instead of filling the screen. */
  nativeAspect: boolean;
  /** Picks the camera-help text. */
  browser: BrowserKind;
  timing: SessionTiming;
  /** `on_device_precheck`: the on-device `confidence_spoofing` that holds the upload back; absent or null = off. */
  onDevicePrecheckBar?: number | null;
}

export interface SessionTiming {
  requestTimeoutMs: number;
  slowMs: number;
  confirmMs: number;
  resultMs: number;
  maxPollFailures: number;
  /** The no-face hint ladder steps up after this long without a face. */
  noFaceStepMs: number;
}

export const DEFAULT_TIMING: SessionTiming = {
  requestTimeoutMs: 20_000,
  slowMs: 4_000,
  confirmMs: 1_000,
  resultMs: 5_000,
  maxPollFailures: 5,
  noFaceStepMs: 6_000,
};

export interface SessionState {
  phase: SessionPhase;
  /** Bumped by every Try again: events from an older attempt are ignored. */
  attempt: number;
  config: SessionConfig;
  hidden: boolean;
  info: SessionInfo | null;
  /** The actions this attempt runs (the adapter's list when the page gave none). */
  actions: ActionId[];
  index: number;
  captured: CapturedAction[];
  /** The document photos of this attempt, in action order (uploaded as photo1, photo2…). */
  photos: CapturedPhoto[];
  /** The running photo action's screen (document frame, hint, review), else null. */
  doc: DocumentLive | null;
  cameraOpen: boolean;
  visionReady: boolean;
  video: HTMLVideoElement | null;
  frameWidth: number;
  frameHeight: number;
  /** The camera in use, and the cameras one may switch to. */
  deviceId: string | null;
  cameras: Array<{ deviceId: string; label: string }>;
  facing: 'user' | 'environment';
  live: LiveFrame | null;
  /** Rung of the no-face hint ladder (0 = plain hint). */
  noFaceLevel: number;
  slow: boolean;
  /** Share of the model files' bytes fetched so far, 0..1 (the loading screen's percentage); null: unknown. */
  loading: number | null;
  /** Stage width / height reported by the UI; with cover it decides the visible part of the frame. */
  viewAspect: number | null;
  upload: number | null;
  pollFailures: number;
  result: ResultPayload | null;
  error: (FailureInfo & { retryable: boolean }) | null;
}

export type SessionEvent =
  | { type: 'open' }
  | { type: 'session-ready'; attempt: number; info: SessionInfo }
  | { type: 'failed'; attempt: number; failure: FailureInfo }
  | { type: 'timer'; attempt: number; name: SessionTimer }
  | { type: 'start' }
  | {
      type: 'camera-opened';
      attempt: number;
      video: HTMLVideoElement;
      width: number;
      height: number;
      deviceId: string | null;
      facing: 'user' | 'environment';
      cameras: Array<{ deviceId: string; label: string }>;
    }
  | { type: 'vision-ready'; attempt: number }
  | { type: 'load-progress'; attempt: number; fraction: number | null }
  | { type: 'switch-camera'; deviceId: string }
  | { type: 'progress'; attempt: number; live: LiveFrame }
  | { type: 'action-captured'; attempt: number; captured: CapturedAction; pageResult: unknown }
  | { type: 'photo-captured'; attempt: number; photo: CapturedPhoto; pageResult: unknown }
  | { type: 'doc-progress'; attempt: number; doc: DocumentLive }
  | { type: 'doc-input'; input: DocumentInput }
  | { type: 'checked'; attempt: number }
  | { type: 'sealed'; attempt: number; blob: Blob }
  | { type: 'upload-progress'; attempt: number; fraction: number }
  | { type: 'uploaded'; attempt: number; result: ResultPayload }
  | { type: 'result'; attempt: number; result: ResultPayload }
  | { type: 'poll-failed'; attempt: number; failure: FailureInfo }
  | { type: 'retry' }
  | { type: 'close' }
  | { type: 'hide' }
  | { type: 'viewport'; aspect: number };

export type SessionEffect =
  | { type: 'request-session' }
  | { type: 'open-capture'; deviceId: string | null }
  | { type: 'switch-camera'; deviceId: string }
  | { type: 'run-action'; index: number; action: ActionId }
  /** Hands a shutter / retake / use press to the running photo action. */
  | { type: 'doc-input'; input: DocumentInput }
  | { type: 'release-capture' }
  | { type: 'check-capture' }
  | { type: 'seal' }
  | { type: 'upload' }
  | { type: 'fetch-result' }
  | { type: 'set-timer'; name: SessionTimer; ms: number }
  | { type: 'clear-timer'; name: SessionTimer }
  | { type: 'clear-timers' }
  /** Releases and aborts everything the attempt holds (camera, worker, requests). */
  | { type: 'abort-attempt' }
  | { type: 'telemetry'; event: string; detail?: string }
  | { type: 'callback'; name: HostCallback; payload?: unknown }
  | { type: 'ended' };

export interface SessionStep {
  state: SessionState;
  effects: SessionEffect[];
}
