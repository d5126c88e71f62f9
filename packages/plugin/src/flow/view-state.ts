import type { LocaleKey } from '@open-liveness/locales';
import type { DocumentLive } from '../document/contract.js';
import type { Oval } from './oval.js';

/** The screens, one per step a person meets. */
export type Screen =
  | 'loading'
  | 'instructions'
  | 'camera'
  | 'capture'
  | 'confirm'
  | 'uploading'
  | 'processing'
  | 'result'
  | 'error'
  | 'closed';

export interface ErrorView {
  code: string;
  /** The reason (locale key). */
  messageKey: LocaleKey;
  /** What to do (locale key). */
  adviceKey: LocaleKey;
  /** Browser-specific camera steps (locale keys), with their title, when the camera was refused. */
  tutorial: { titleKey: LocaleKey; stepKeys: LocaleKey[]; external: boolean } | null;
  retryable: boolean;
}

/** Everything the UI renders. Computed from the session state by selectView; the UI never writes it. */
export interface ViewState {
  /** The 3D mask is drawn over the face (enable_3d_mask with the adapter's load_3d_mask). */
  mask3d?: boolean;
  /** Animate the oval outline (off in operator mode on a desktop). */
  ovalAnimation?: boolean;
  screen: Screen;
  hidden: boolean;
  /** Status line key (loading_resources, accessing_camera, uploading_data, processing_data…). */
  statusKey: LocaleKey | null;
  /** Loading takes long: show a progress indicator and a reassurance. */
  slow: boolean;
  /**
   * 0..100: how much of the model's files (wasm runtime and face model) has arrived, while loading is slow
   * and their size is known; null otherwise (the bar then runs without a value).
   */
  loadPercent: number | null;
  video: HTMLVideoElement | null;
  /** cover: the picture fills the stage (adaptive aspect ratio); contain: native ratio, letterboxed. */
  fit: 'cover' | 'contain';
  /** Mirror the preview (front camera only). */
  mirrored: boolean;
  frameWidth: number;
  frameHeight: number;
  /** The guide oval in frame pixels (the same one guidance measures against). */
  oval: Oval;
  /** The guidance hint as the machine names it (also the data-hint attribute). */
  hint: string | null;
  /** The text to show for the hint: the no-face ladder replaces the plain sentence over time. */
  hintTextKey: LocaleKey | null;
  /** Oval in its "face in place" colour. */
  ready: boolean;
  prompt: LocaleKey | null;
  scanning: boolean;
  /** 0..1 while a clip is being recorded. */
  recording: number | null;
  attempt: number;
  actionIndex: number;
  actionCount: number;
  /** 0..1 while uploading. */
  upload: number | null;
  result: { titleKey: LocaleKey; textKey: LocaleKey; outcome: 'neutral' | 'success' | 'declined' } | null;
  error: ErrorView | null;
  cameras: Array<{ deviceId: string; label: string }>;
  deviceId: string | null;
  /** The photo action's screen (document frame, hint, review) while one runs, else null. */
  doc: DocumentLive | null;
  /** What the live region says (locale key); the UI throttles it. */
  announcementKey: LocaleKey | null;
}
