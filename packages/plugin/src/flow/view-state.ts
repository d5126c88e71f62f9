import type { Box } from '../vision/types.js';
import type { GuidanceHint } from './guidance.js';

export type SessionPhase = 'loading' | 'capturing' | 'finishing' | 'closed' | 'failed';

/** Everything the UI renders. The core owns it; the UI never writes it. */
export interface ViewState {
  phase: SessionPhase;
  /** Status line key while nothing is being captured (loading, camera…). */
  statusKey: string | null;
  /** The guidance hint, or `action_hint_face_aligned` when ready. */
  hint: GuidanceHint | 'action_hint_face_aligned' | null;
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
}

export const initialViewState: ViewState = {
  phase: 'loading',
  statusKey: 'loading_resources',
  hint: null,
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
};
