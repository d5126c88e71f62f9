import type { LocaleKey } from '@open-liveness/locales';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ViewState } from '../flow/view-state.js';
import { DEFAULT_FRAME, FaceGuide, type FrameLook } from './FaceGuide.js';
import { GestureHint } from './parts/GestureHint.js';
import { gestureHintKind } from './parts/gesture-kind.js';
import { MaskCanvas } from './parts/MaskCanvas.js';

interface Props {
  s: ViewState;
  t: (key: LocaleKey) => string;
  onSwitch: (deviceId: string) => void;
  onViewport: (aspect: number) => void;
  /** The face frame's shape and sizes (faceFrameCustomization). */
  frame?: FrameLook;
  /** `hintAnimation.hideAnimation`: no gesture hint animation. */
  hideAnimation?: boolean;
  /** Receives the 3D mask's canvas when the mask is on. */
  onMask?: (canvas: OffscreenCanvas | null) => void;
}

/** The camera picture with the oval, the prompt, the hint, the confirmation and the camera switch. */
export function CaptureStage({
  s,
  t,
  onSwitch,
  onViewport,
  frame = DEFAULT_FRAME,
  hideAnimation = false,
  onMask,
}: Props) {
  const stage = useRef<HTMLDivElement>(null);
  const [paused, setPaused] = useState(false);
  const tap = useRef<HTMLButtonElement>(null);

  // A stalled video puts "Tap to continue" up without a screen change: focus goes to it, the one thing to do.
  useEffect(() => {
    if (paused) tap.current?.focus();
  }, [paused]);

  // The stage's shape decides what part of the frame cover shows; the core sizes the oval for it.
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const report = () => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) onViewport(r.width / r.height);
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    return () => observer.disconnect();
  }, [onViewport]);

  // The camera module owns the <video>; the UI only places it on the stage and resumes a stalled one.
  useEffect(() => {
    const host = stage.current;
    const video = s.video;
    if (!host || !video) return;
    if (video.parentNode !== host) host.prepend(video);
    const sync = () => setPaused(video.paused);
    video.addEventListener('pause', sync);
    video.addEventListener('playing', sync);
    sync();
    return () => {
      video.removeEventListener('pause', sync);
      video.removeEventListener('playing', sync);
    };
  }, [s.video]);

  const others = s.cameras.filter((c) => c.deviceId !== s.deviceId);
  const next = others[0];
  const gesture = s.screen === 'capture' ? gestureHintKind(s.prompt, hideAnimation) : null;
  return (
    <div
      class="ol-stage"
      part="stage"
      ref={stage}
      data-phase="capturing"
      data-fit={s.fit}
      data-mirrored={String(s.mirrored)}
      data-mirror={String(s.mirrored)}
      data-oval-animation={String(s.ovalAnimation !== false)}
      data-device={s.deviceId ?? ''}
    >
      <FaceGuide
        width={s.frameWidth}
        height={s.frameHeight}
        oval={s.oval}
        ready={s.ready || s.screen === 'confirm'}
        progress={s.recording}
        fit={s.fit}
        frame={frame}
      />
      {s.mask3d && onMask && <MaskCanvas onCanvas={onMask} />}
      {gesture && <GestureHint kind={gesture} />}
      {s.prompt && !s.scanning && (
        <div class="ol-prompt" part="prompt" data-prompt={s.prompt}>
          {t(s.prompt)}
        </div>
      )}
      {s.scanning && s.prompt && (
        <div class="ol-scan" part="prompt" data-prompt={s.prompt}>
          <span>{t(s.prompt)}</span>
        </div>
      )}
      {s.hint && s.hintTextKey && (
        <div class="ol-hint" part="hint" data-hint={s.hint} data-text={s.hintTextKey}>
          {t(s.hintTextKey)}
        </div>
      )}
      {s.screen === 'confirm' && (
        <div class="ol-confirm" data-confirm="action_confirmed">
          <svg viewBox="0 0 48 48" width="40" height="40" aria-hidden="true">
            <path d="M12 25l8 8 16-18" />
          </svg>
          <span>{t('action_confirmed')}</span>
        </div>
      )}
      {s.actionCount > 1 && (
        <div class="ol-steps" aria-hidden="true">
          {s.actionIndex + 1} / {s.actionCount}
        </div>
      )}
      {s.cameras.length > 2 && (
        <label class="ol-camera-pick">
          <span class="ol-sr">{t('camera_picker_label')}</span>
          <select
            value={s.deviceId ?? ''}
            aria-label={t('camera_picker_label')}
            onChange={(ev) => onSwitch((ev.currentTarget as HTMLSelectElement).value)}
          >
            {s.cameras.map((c) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {s.cameras.length === 2 && next && (
        <button
          type="button"
          class="ol-switch"
          aria-label={t('action_camera_switch_button')}
          data-next={next.deviceId}
          onClick={() => onSwitch(next.deviceId)}
        >
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path d="M4 8h3l2-3h6l2 3h3v11H4zM9 13a3 3 0 0 0 5.5 1.5M15 12a3 3 0 0 0-5.5-1.5" />
          </svg>
        </button>
      )}
      {paused && s.video && (
        <button
          ref={tap}
          type="button"
          class="ol-button ol-tap"
          data-autofocus
          onClick={() => {
            void s.video?.play().catch(() => undefined);
          }}
        >
          {t('tap_to_continue')}
        </button>
      )}
    </div>
  );
}
