import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../flow/store.js';
import type { ViewState } from '../flow/view-state.js';
import { FaceGuide } from './FaceGuide.js';
import { useStore } from './use-store.js';

interface Props {
  view: Store<ViewState>;
  t: (key: string) => string;
  onClose: () => void;
}

/** Renders the session's view state; its only output is the close event. */
export function App({ view, t, onClose }: Props) {
  const s = useStore(view);
  const stage = useRef<HTMLDivElement>(null);

  // The camera module owns the <video>; the UI only places it on the stage.
  useEffect(() => {
    const host = stage.current;
    if (host && s.video && s.video.parentNode !== host) host.prepend(s.video);
  }, [s.video]);

  const spoken = s.errorKey ?? s.statusKey ?? s.hint ?? s.prompt;
  const announcement = spoken ? t(spoken) : '';
  return (
    <div
      class="ol-overlay"
      role="dialog"
      aria-modal={s.hidden ? undefined : 'true'}
      aria-label={t('capture_region_label')}
      aria-hidden={s.hidden ? 'true' : undefined}
      data-hidden={String(s.hidden)}
    >
      <button type="button" class="ol-close" aria-label={t('close_button_label')} onClick={onClose}>
        ×
      </button>
      {s.phase === 'capturing' && (
        <div
          class="ol-stage"
          ref={stage}
          data-phase={s.phase}
          data-mirror={String(s.mirror)}
          data-oval-animation={String(s.ovalAnimation)}
        >
          <FaceGuide
            width={s.frameWidth}
            height={s.frameHeight}
            ready={s.hint === 'action_hint_face_aligned' || (s.hint === null && s.prompt !== null)}
            progress={s.recording}
          />
          {s.prompt && !s.scanning && (
            <div class="ol-prompt" data-prompt={s.prompt}>
              {t(s.prompt)}
            </div>
          )}
          {s.scanning && s.prompt && (
            <div class="ol-scan" data-prompt={s.prompt}>
              <span>{t(s.prompt)}</span>
            </div>
          )}
          {s.hint && (
            <div class="ol-hint" data-hint={s.hint}>
              {t(s.hint)}
            </div>
          )}
        </div>
      )}
      {(s.phase === 'uploading' || s.phase === 'processing') && (
        <div class="ol-status" data-status={s.statusKey ?? ''}>
          <p>{s.statusKey ? t(s.statusKey) : ''}</p>
          {s.upload !== null && (
            <progress
              class="ol-progress-bar"
              max={100}
              value={Math.round(s.upload * 100)}
              aria-label={t('uploading_data')}
            />
          )}
        </div>
      )}
      {s.phase === 'loading' && s.statusKey && (
        <div class="ol-status" data-status={s.statusKey}>
          {t(s.statusKey)}
        </div>
      )}
      {s.phase === 'failed' && s.errorKey && (
        <div class="ol-error" data-error={s.errorKey}>
          {t(s.errorKey)}
        </div>
      )}
      <div class="ol-sr" aria-live="assertive" aria-atomic="true" data-testid="live-region">
        {announcement}
      </div>
    </div>
  );
}
