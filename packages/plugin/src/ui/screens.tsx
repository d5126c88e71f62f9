import type { LocaleKey } from '@open-liveness/locales';
import type { ViewState } from '../flow/view-state.js';

type T = (key: LocaleKey) => string;

/** A progress bar with its percentage; without a value it runs indeterminate. */
function Bar({ cls, value, label }: { cls: string; value: number | null; label: string }) {
  return (
    <>
      <progress class={cls} aria-label={label} {...(value === null ? {} : { max: 100, value })} />
      {value !== null && (
        <p class="ol-percent" data-percent={value}>
          {value}%
        </p>
      )}
    </>
  );
}

export function LoadingScreen({ s, t }: { s: ViewState; t: T }) {
  return (
    <div class="ol-panel ol-status" data-status={s.statusKey ?? ''}>
      <div class="ol-spinner" aria-hidden="true" />
      <p>{s.statusKey ? t(s.statusKey) : ''}</p>
      {s.slow && (
        <>
          {/* Indeterminate until the model files' size is known, then their real percentage. */}
          <Bar cls="ol-progress-slow" value={s.loadPercent} label={t('loading_resources')} />
          <p class="ol-secondary">{t('loading_slow')}</p>
        </>
      )}
    </div>
  );
}

export function InstructionsScreen({ t, onStart }: { t: T; onStart: () => void }) {
  return (
    <div class="ol-panel" data-status="instructions">
      <h2 class="ol-title">{t('instructions_title')}</h2>
      <ul class="ol-list">
        <li>{t('instructions_light')}</li>
        <li>{t('instructions_face')}</li>
        <li>{t('instructions_oval')}</li>
      </ul>
      <button type="button" class="ol-button" data-autofocus onClick={onStart}>
        {t('start_button')}
      </button>
    </div>
  );
}

export function CameraScreen({ s, t }: { s: ViewState; t: T }) {
  return (
    <div class="ol-panel ol-status" data-status={s.statusKey ?? 'accessing_camera'}>
      <svg class="ol-icon" viewBox="0 0 48 48" width="56" height="56" aria-hidden="true">
        <rect x="4" y="12" width="30" height="24" rx="4" />
        <path d="M34 20l10-6v20l-10-6z" />
      </svg>
      <h2 class="ol-title">{t('camera_request_title')}</h2>
      <p>{t('camera_request_text')}</p>
      <p class="ol-secondary">{t('accessing_camera')}</p>
      {s.slow && <p class="ol-secondary">{t('accessing_camera_switch_to_another_browser')}</p>}
    </div>
  );
}

export function StatusScreen({ s, t }: { s: ViewState; t: T }) {
  const percent = s.upload === null ? null : Math.round(s.upload * 100);
  return (
    <div class="ol-panel ol-status" data-status={s.statusKey ?? ''}>
      {percent === null && <div class="ol-spinner" aria-hidden="true" />}
      <p>{s.statusKey ? t(s.statusKey) : ''}</p>
      {percent !== null && <Bar cls="ol-progress-bar" value={percent} label={t('uploading_data')} />}
    </div>
  );
}

export function ResultScreen({ s, t, onClose }: { s: ViewState; t: T; onClose: () => void }) {
  const r = s.result;
  if (!r) return null;
  return (
    <div class="ol-panel" data-result={r.outcome}>
      <svg
        class="ol-icon"
        data-outcome={r.outcome}
        viewBox="0 0 48 48"
        width="64"
        height="64"
        aria-hidden="true"
      >
        <circle cx="24" cy="24" r="21" />
        {r.outcome === 'declined' ? <path d="M16 16l16 16M32 16L16 32" /> : <path d="M14 25l7 7 13-15" />}
      </svg>
      <h2 class="ol-title">{t(r.titleKey)}</h2>
      <p>{t(r.textKey)}</p>
      <button type="button" class="ol-button" data-autofocus onClick={onClose}>
        {t('result_close_button')}
      </button>
    </div>
  );
}
