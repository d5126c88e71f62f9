import type { LocaleKey } from '@open-liveness/locales';
import type { ErrorCode } from '../errors/codes.js';
import { ERROR_CODES } from '../errors/codes.js';
import { cameraTutorial } from './browser.js';
import { guideOvalOf } from './oval.js';
import type { SessionState } from './session-types.js';
import type { ErrorView, Screen, ViewState } from './view-state.js';

/** The drawn oval, kept while the frame size and the stage stay the same (one per view would be per frame). */
const viewOval = guideOvalOf();

const NO_FACE_LADDER: readonly LocaleKey[] = [
  'action_hint_no_face',
  'no_face_hint_2',
  'no_face_hint_3',
  'no_face_hint_4',
];

/** "What to do" for each failure; the reason comes from ERROR_CODES. */
function adviceFor(code: ErrorCode, context: Record<string, unknown>, browser: string): LocaleKey {
  switch (code) {
    case 'camera_denied':
      return 'error_advice_camera';
    case 'camera_not_found':
      return 'error_advice_no_camera';
    case 'camera_unusable':
      return context.name === 'NotReadableError' ? 'error_advice_camera_busy' : 'error_advice_camera';
    case 'get_user_media_timeout':
      return browser === 'in_app'
        ? 'error_camera_timeout_android_facebook_instruction'
        : 'error_camera_timeout_instruction';
    case 'insecure_context':
      return 'error_advice_open_https';
    case 'gesture_attempts_exhausted':
      return 'error_advice_gesture';
    case 'capture_timeout':
      return 'error_advice_position';
    case 'on_device_declined':
      return context.reason === 'light' ? 'error_advice_position' : 'no_face_hint_2';
    case 'unsupported_browser':
      return 'accessing_camera_switch_to_another_browser';
    case 'iframe_not_allowed':
    case 'license_invalid':
    case 'license_expired':
    case 'license_origin_mismatch':
    case 'invalid_options':
    case 'locale_unavailable':
    case 'integrity_blocked':
    case 'session_already_open':
    case 'internal_error':
      return 'error_advice_contact';
    default:
      return 'error_advice_retry';
  }
}

function errorView(s: SessionState): ErrorView | null {
  const e = s.error;
  if (!e) return null;
  const camera = e.code === 'camera_denied' || e.code === 'get_user_media_timeout';
  return {
    code: e.code,
    messageKey: ERROR_CODES[e.code].messageKey,
    adviceKey: adviceFor(e.code, e.context, s.config.browser),
    tutorial: camera ? cameraTutorial(s.config.browser) : null,
    retryable: e.retryable,
  };
}

function screenOf(s: SessionState): Screen {
  switch (s.phase) {
    case 'starting':
      return 'loading';
    case 'instructions':
      return 'instructions';
    case 'camera':
      return s.cameraOpen ? 'loading' : 'camera';
    case 'capturing':
      return 'capture';
    case 'confirming':
      return 'confirm';
    case 'checking':
    case 'sealing':
    case 'uploading':
      return 'uploading';
    case 'processing':
      return 'processing';
    case 'result':
      return 'result';
    case 'failed':
      return 'error';
    case 'closed':
      return 'closed';
  }
}

function statusOf(s: SessionState, screen: Screen): LocaleKey | null {
  switch (screen) {
    case 'loading':
      // With the camera already open, what is left to wait for is the model.
      return s.phase === 'camera' && !s.cameraOpen ? 'accessing_camera' : 'loading_resources';
    case 'camera':
      return 'accessing_camera';
    case 'uploading':
      return 'uploading_data';
    case 'processing':
      return 'requesting_result';
    default:
      return null;
  }
}

/** Reads the analyses' verdicts when the result mode gives them; anything else stays neutral. */
function outcomeOf(result: Record<string, unknown> | null): 'neutral' | 'success' | 'declined' {
  const analyses = result?.analyses;
  if (!analyses || typeof analyses !== 'object') return 'neutral';
  const verdicts = Object.values(analyses as Record<string, unknown>).map((a) =>
    a && typeof a === 'object' ? String((a as { resolution?: unknown }).resolution ?? '').toLowerCase() : '',
  );
  if (verdicts.length === 0) return 'neutral';
  if (verdicts.some((v) => v === 'declined' || v === 'failed')) return 'declined';
  return verdicts.every((v) => v === 'success') ? 'success' : 'neutral';
}

/** The pure projection of the session state onto what the UI shows. */
export function selectView(s: SessionState): ViewState {
  const screen = screenOf(s);
  const live = s.phase === 'capturing' ? s.live : null;
  const hint = live?.hint ?? null;
  const hintTextKey: LocaleKey | null =
    hint === 'action_hint_no_face' ? (NO_FACE_LADDER[s.noFaceLevel] ?? 'action_hint_no_face') : hint;
  const doc = screen === 'capture' || screen === 'confirm' ? s.doc : null;
  const docKey: LocaleKey | null =
    doc?.phase === 'review' ? 'doc_review_question' : doc?.hint ? `doc_hint_${doc.hint}` : null;
  const outcome = s.config.showResultOutcome ? outcomeOf(s.result) : 'neutral';
  const error = errorView(s);
  const statusKey = statusOf(s, screen);
  const slow = s.slow && (screen === 'loading' || screen === 'camera');
  const fraction = screen === 'loading' && slow ? s.loading : null;
  const result: ViewState['result'] =
    screen === 'result'
      ? {
          outcome,
          titleKey:
            outcome === 'success'
              ? 'result_success'
              : outcome === 'declined'
                ? 'result_declined'
                : 'result_state_finished',
          textKey: 'result_done_text',
        }
      : null;
  return {
    screen,
    hidden: s.hidden,
    statusKey,
    slow,
    loadPercent: fraction === null ? null : Math.floor(fraction * 100),
    video: screen === 'capture' || screen === 'confirm' ? s.video : null,
    fit: s.config.nativeAspect ? 'contain' : 'cover',
    mirrored: s.facing === 'user',
    frameWidth: live?.frameWidth ?? s.frameWidth,
    frameHeight: live?.frameHeight ?? s.frameHeight,
    oval: viewOval(
      live?.frameWidth ?? s.frameWidth,
      live?.frameHeight ?? s.frameHeight,
      s.config.nativeAspect ? null : s.viewAspect,
    ),
    hint,
    hintTextKey,
    ready:
      hint === 'action_hint_face_aligned' || (live !== null && live.hint === null && live.prompt !== null),
    prompt: live?.prompt ?? null,
    scanning: live?.scanning ?? false,
    // In steps of 1/40: the ring moves visibly at each one, and the page renders 40 times per clip at most.
    recording: live?.recording == null ? null : Math.round(live.recording * 40) / 40,
    attempt: live?.attempt ?? 1,
    actionIndex: s.index,
    actionCount: s.actions.length,
    upload: screen === 'uploading' ? (s.upload ?? 0) : null,
    result,
    error,
    cameras: s.cameras,
    deviceId: s.deviceId,
    doc,
    announcementKey:
      error?.messageKey ??
      result?.titleKey ??
      (screen === 'confirm' ? 'action_confirmed' : null) ??
      statusKey ??
      docKey ??
      live?.prompt ??
      hintTextKey,
  };
}
