import type { Hint } from '../actions/machine.js';
import type { Box } from '../vision/types.js';

export type SessionPhase = 'loading' | 'capturing' | 'uploading' | 'processing' | 'closed' | 'failed';

/** Everything the UI renders. The core owns it; the UI never writes it. */
export interface ViewState {
  phase: SessionPhase;
  /** Status line key while nothing is being captured (loading, camera…). */
  statusKey: string | null;
  /** The guidance hint, or `action_hint_face_aligned` when ready. */
  hint: Hint | 'action_hint_face_aligned' | null;
  /** The gesture prompt (locale key) while the user should perform it. */
  prompt: string | null;
  /** True while the scan text moves across the screen. */
  scanning: boolean;
  attempt: number;
  /** 0..1 while a clip is being recorded. */
  recording: number | null;
  action: string | null;
  actionIndex: number;
  actionCount: number;
  video: HTMLVideoElement | null;
  frameWidth: number;
  frameHeight: number;
  face: Box | null;
  errorKey: string | null;
  hidden: boolean;
  /** 0..1 while the capture uploads. */
  upload: number | null;
  /** Mirror the preview (camera/camera-plan.ts; off for a rear camera and operator mode on desktop). */
  mirror: boolean;
  /** Animate the oval outline (off in operator mode on desktop). */
  ovalAnimation: boolean;
  /** Draw the 3D mask instead of the oval (page `enable_3d_mask` and adapter `load_3d_mask`). */
  mask3d: boolean;
}

export const initialViewState: ViewState = {
  phase: 'loading',
  statusKey: 'loading_resources',
  hint: null,
  prompt: null,
  scanning: false,
  attempt: 1,
  recording: null,
  action: null,
  actionIndex: 0,
  actionCount: 0,
  video: null,
  frameWidth: 640,
  frameHeight: 480,
  face: null,
  errorKey: null,
  hidden: false,
  upload: null,
  mirror: true,
  ovalAnimation: true,
  mask3d: false,
};
