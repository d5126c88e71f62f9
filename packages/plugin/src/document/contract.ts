import type { PhotoActionId } from '@open-liveness/trust';
import type { FrameSource } from '../camera/frame-source.js';
import type { DocumentKind } from './geometry.js';
import type { DocumentHint } from './hints.js';
import type { PhotoCaptureResult } from './payload.js';

/**
 * The seam between the page script and the lazily loaded document chunk (document_capture.js). Types only:
 * the page script holds none of the document code until a session asks for a photo action.
 */

/**
 * What the person can do on the document screen; it reaches the runner through the session machine:
 * shoot, retake, use the photo, or switch the frame between an ID-1 card and a TD3 passport page.
 */
export type DocumentInput = 'shutter' | 'retake' | 'use' | 'id1' | 'td3';

/** What the session shows of a running photo action (session state `doc`, view `doc`). */
export interface DocumentLive {
  action: PhotoActionId;
  kind: DocumentKind;
  phase: 'framing' | 'shooting' | 'review' | 'done';
  hint: DocumentHint | null;
  /** Object URL of the still under review, else null. */
  review: string | null;
  /** Draw the card template inside the frame (`overlay_options.show_document_pattern`). */
  pattern: boolean;
}

/** A photo kept for the upload: the encoded still and its action. */
export interface CapturedPhoto {
  action: PhotoActionId;
  blob: Blob;
  width: number;
  height: number;
}

export interface DocumentRun {
  action: PhotoActionId;
  frames: FrameSource;
  track: MediaStreamTrack;
  pattern: boolean;
  /** Stage width / height (the frame is drawn on the stage and measured in the same place). */
  viewAspect: () => number | null;
  signal: AbortSignal;
  /** No usable shot within this long fails the action with `capture_timeout`; default 120 s. */
  timeoutMs?: number;
  onLive: (live: DocumentLive) => void;
  /** Receives the runner's input handler (the driver forwards the machine's `doc-input` effects to it). */
  onInput: (handler: (input: DocumentInput) => void) => void;
}

/** `documentFrameCustomization` as normalised (lengths and percentages as strings). */
export interface DocumentLook {
  cornersRadius: string;
  templateColor: string;
  templateOpacity: string;
}

export interface DocumentStageView {
  /** Null between two photo actions' screens: the stage keeps what it shows. */
  doc: DocumentLive | null;
  video: HTMLVideoElement | null;
  actionIndex: number;
  actionCount: number;
  /** The pickable cameras and the one in use (a switch button shows with two or more). */
  cameras: ReadonlyArray<{ deviceId: string; label: string }>;
  deviceId: string | null;
}

export interface DocumentStage {
  render(view: DocumentStageView): void;
  destroy(): void;
}

export interface DocumentStageProps {
  t: (key: string) => string;
  look?: DocumentLook | undefined;
  input: (input: DocumentInput) => void;
  viewport: (aspect: number) => void;
  switchCamera: (deviceId: string) => void;
}

/** What document_capture.js hands the page script. */
/** How a photo action ends: the photo and the page's payload, or a failure code for the machine. */
export type DocumentOutcome =
  | { ok: true; photo: CapturedPhoto; result: PhotoCaptureResult }
  | { ok: false; code: 'capture_timeout' | 'camera_unusable' | 'internal_error'; detail: string };

export interface DocumentModule {
  capture(run: DocumentRun): Promise<DocumentOutcome>;
  mount(el: HTMLElement, props: DocumentStageProps): DocumentStage;
}

/** The global the chunk registers itself under (a classic script: no module loader needed, CSP-friendly). */
export const DOCUMENT_GLOBAL = '__ozLivenessDocument';
