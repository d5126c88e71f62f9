import type { LocaleKey } from '@open-liveness/locales';
import type { ErrorView } from '../flow/view-state.js';

interface Props {
  error: ErrorView;
  t: (key: LocaleKey) => string;
  onRetry: () => void;
  onClose: () => void;
}

/** The reason, what to do (browser-specific camera steps when the camera was refused), and Try again. */
export function ErrorScreen({ error, t, onRetry, onClose }: Props) {
  const tutorial = error.tutorial;
  return (
    <div class="ol-panel ol-error" data-error={error.messageKey} data-code={error.code}>
      <svg class="ol-icon ol-icon-error" viewBox="0 0 48 48" width="56" height="56" aria-hidden="true">
        <circle cx="24" cy="24" r="21" />
        <path d="M24 13v14M24 33v2" />
      </svg>
      <h2 class="ol-title">{t(error.messageKey)}</h2>
      {tutorial ? (
        <div class="ol-tutorial" data-tutorial={tutorial.titleKey}>
          {tutorial.titleKey !== error.messageKey && <p class="ol-strong">{t(tutorial.titleKey)}</p>}
          <ol class="ol-list">
            {tutorial.stepKeys.map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ol>
          {error.code === 'get_user_media_timeout' && <p>{t(error.adviceKey)}</p>}
        </div>
      ) : (
        <p class="ol-advice" data-advice={error.adviceKey}>
          {t(error.adviceKey)}
        </p>
      )}
      <div class="ol-actions">
        {error.retryable && (
          <button type="button" class="ol-button" data-autofocus onClick={onRetry}>
            {t('try_again')}
          </button>
        )}
        <button
          type="button"
          class={error.retryable ? 'ol-button ol-button-secondary' : 'ol-button'}
          {...(error.retryable ? {} : { 'data-autofocus': true })}
          onClick={onClose}
        >
          {t('alert_close_button')}
        </button>
      </div>
    </div>
  );
}
