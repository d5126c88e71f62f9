import type { LocaleKey } from '@open-liveness/locales';
import { PLUGIN_VERSION } from '../../version.js';

/** The plugin version label (`versionTextCustomization`), in the dialog's bottom start corner. */
export function VersionLabel({ t }: { t: (key: LocaleKey) => string }) {
  return (
    <div class="ol-version" part="version">
      {t('version_label')} <bdi>{PLUGIN_VERSION}</bdi>
    </div>
  );
}
