import type { LocaleKey } from '@open-liveness/locales';
import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../flow/store.js';
import type { ViewState } from '../flow/view-state.js';
import { lengthToPx, type NormalizedStyle } from '../style/index.js';
import { CaptureStage } from './CaptureStage.js';
import { ErrorScreen } from './ErrorScreen.js';
import { DEFAULT_FRAME, type FrameLook } from './FaceGuide.js';
import { trapTab } from './focus.js';
import { AntiscamBanner } from './parts/AntiscamBanner.js';
import { VersionLabel } from './parts/VersionLabel.js';
import { CameraScreen, InstructionsScreen, LoadingScreen, ResultScreen, StatusScreen } from './screens.js';
import { useAnnouncer } from './use-announcer.js';
import { useStore } from './use-store.js';

/** What the UI can ask of the session: nothing else leaves it. */
export interface UiEvents {
  close: () => void;
  retry: () => void;
  start: () => void;
  switchCamera: (deviceId: string) => void;
  /** The stage's width / height, so the core knows what part of the frame is visible. */
  viewport: (aspect: number) => void;
  /** The 3D mask's canvas, handed over for drawing (null when it leaves the screen). */
  maskCanvas: (canvas: OffscreenCanvas | null) => void;
}

interface Props {
  view: Store<ViewState>;
  t: (key: LocaleKey) => string;
  events: UiEvents;
  /** The dialog's language tag and direction. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** The normalised style (its colours and fonts also arrive as CSS variables). */
  style?: NormalizedStyle;
}

function frameLook(style: NormalizedStyle | undefined): FrameLook {
  if (!style) return DEFAULT_FRAME;
  const f = style.faceFrameCustomization;
  return {
    geometry: f.geometryType,
    cornersRadius: lengthToPx(f.cornersRadius, DEFAULT_FRAME.cornersRadius),
    strokeWidth: lengthToPx(f.strokeWidth, DEFAULT_FRAME.strokeWidth),
    strokePadding: lengthToPx(f.strokePadding, DEFAULT_FRAME.strokePadding),
  };
}

/** Renders the session's view; a dialog with a focus trap, Escape to close, and a throttled live region. */
export function App({ view, t, events, lang, dir, style }: Props) {
  const s = useStore(view);
  const dialog = useRef<HTMLDivElement>(null);
  const announcement = useAnnouncer(s.announcementKey ? t(s.announcementKey) : '', s.screen === 'error');

  // Focus moves into the dialog on open and onto each new screen's main control.
  useEffect(() => {
    const root = dialog.current;
    if (!root || s.hidden) return;
    const target =
      root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector<HTMLElement>('.ol-close');
    target?.focus();
  }, [s.screen, s.hidden]);

  // On the document, so Escape and the Tab trap work even when focus has fallen onto the page body.
  useEffect(() => {
    if (s.hidden) return;
    const onKeyDown = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        events.close();
      } else if (ev.key === 'Tab' && dialog.current) trapTab(dialog.current, ev);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [events, s.hidden]);

  return (
    <div
      ref={dialog}
      class="ol-overlay"
      part="dialog"
      role="dialog"
      lang={lang}
      dir={dir}
      aria-modal={s.hidden ? undefined : 'true'}
      aria-label={t('capture_region_label')}
      aria-hidden={s.hidden ? 'true' : undefined}
      data-hidden={String(s.hidden)}
      data-screen={s.screen}
    >
      <button
        type="button"
        class="ol-close"
        part="close-button"
        aria-label={t('close_button_label')}
        onClick={events.close}
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
          <path d="M6 6l12 12M18 6L6 18" />
        </svg>
      </button>
      {style?.antiscamCustomization.enableAntiscam && (s.screen === 'capture' || s.screen === 'confirm') && (
        <AntiscamBanner text={style.antiscamCustomization.textMessage} t={t} />
      )}
      {s.screen === 'loading' && <LoadingScreen s={s} t={t} />}
      {s.screen === 'instructions' && <InstructionsScreen t={t} onStart={events.start} />}
      {s.screen === 'camera' && <CameraScreen s={s} t={t} />}
      {(s.screen === 'capture' || s.screen === 'confirm') && (
        <CaptureStage
          s={s}
          t={t}
          onSwitch={events.switchCamera}
          onViewport={events.viewport}
          frame={frameLook(style)}
          hideAnimation={style?.hintAnimation.hideAnimation ?? false}
          onMask={events.maskCanvas}
        />
      )}
      {(s.screen === 'uploading' || s.screen === 'processing') && <StatusScreen s={s} t={t} />}
      {s.screen === 'result' && <ResultScreen s={s} t={t} onClose={events.close} />}
      {s.screen === 'error' && s.error && (
        <ErrorScreen error={s.error} t={t} onRetry={events.retry} onClose={events.close} />
      )}
      <VersionLabel t={t} />
      <div class="ol-turn" role="alert">
        <p>{t('device_turn')}</p>
      </div>
      <div class="ol-sr" aria-live="assertive" aria-atomic="true" data-testid="live-region">
        {announcement}
      </div>
    </div>
  );
}
