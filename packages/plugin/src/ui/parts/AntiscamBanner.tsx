import type { LocaleKey } from '@open-liveness/locales';

interface Props {
  /** `antiscamCustomization.textMessage`; empty means the language pack's own warning. */
  text: string;
  t: (key: LocaleKey) => string;
}

/**
 * The anti-scam banner (`antiscamCustomization`): a flashing recording dot and a warning, above the camera
 * picture while capturing. The text is plain text (never HTML); colours, font and radius are CSS variables.
 */
export function AntiscamBanner({ text, t }: Props) {
  return (
    <div class="ol-antiscam" part="antiscam-banner" role="note">
      <span class="ol-antiscam-dot" part="antiscam-dot" role="img" aria-label={t('antiscam_recording')} />
      <span>{text || t('antiscam_default_message')}</span>
    </div>
  );
}
