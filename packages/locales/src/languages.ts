/** Writing direction of a language. */
export type TextDirection = 'ltr' | 'rtl';

export interface LanguageInfo {
  /** The `lang_id` of `open({lang})`, lower case. */
  id: string;
  /** BCP 47 tag for the `lang` attribute (`kz` is not a language subtag; Kazakh is `kk`). */
  tag: string;
  dir: TextDirection;
  /** The language's own name. */
  name: string;
  /** True when a native speaker has not reviewed the pack yet. */
  needsReview: boolean;
}

/** The packs that ship with the plugin. English is bundled-free too: every pack is a file of its own. */
export const LANGUAGES: readonly LanguageInfo[] = [
  { id: 'en', tag: 'en', dir: 'ltr', name: 'English', needsReview: false },
  { id: 'es', tag: 'es', dir: 'ltr', name: 'Español', needsReview: true },
  { id: 'pt-br', tag: 'pt-BR', dir: 'ltr', name: 'Português (Brasil)', needsReview: true },
  { id: 'kz', tag: 'kk', dir: 'ltr', name: 'Қазақ тілі', needsReview: true },
  { id: 'fr', tag: 'fr', dir: 'ltr', name: 'Français', needsReview: true },
  { id: 'de', tag: 'de', dir: 'ltr', name: 'Deutsch', needsReview: true },
  { id: 'it', tag: 'it', dir: 'ltr', name: 'Italiano', needsReview: true },
  { id: 'ru', tag: 'ru', dir: 'ltr', name: 'Русский', needsReview: true },
  { id: 'tr', tag: 'tr', dir: 'ltr', name: 'Türkçe', needsReview: true },
  { id: 'zh', tag: 'zh-Hans', dir: 'ltr', name: '简体中文', needsReview: true },
  { id: 'ja', tag: 'ja', dir: 'ltr', name: '日本語', needsReview: true },
  { id: 'ar', tag: 'ar', dir: 'rtl', name: 'العربية', needsReview: true },
  { id: 'he', tag: 'he', dir: 'rtl', name: 'עברית', needsReview: true },
];

/** Other names accepted for a built-in pack (lower case). */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  kk: 'kz',
  'kk-kz': 'kz',
  pt: 'pt-br',
  'zh-cn': 'zh',
  'zh-hans': 'zh',
  'zh-sg': 'zh',
  iw: 'he',
};

const RTL_SUBTAGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** Direction of any language id, including ones added with `add_lang` (by its primary subtag). */
export function directionOf(id: string): TextDirection {
  const known = LANGUAGES.find((l) => l.id === id);
  if (known) return known.dir;
  const primary = id.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_SUBTAGS.has(primary) ? 'rtl' : 'ltr';
}

/** The `lang` attribute for an id: the built-in's tag, else the id itself. */
export function languageTag(id: string): string {
  return LANGUAGES.find((l) => l.id === id)?.tag ?? id;
}

/**
 * The pack to use: the requested id when given (after aliases; null when no such pack: the caller reports
 * it), else the first browser language with a pack (exact, alias, then primary subtag), else `en`.
 */
export function chooseLanguage(
  requested: string | undefined,
  browserLanguages: readonly string[],
  available: readonly string[],
): string | null {
  const has = (id: string) => available.includes(id);
  const resolve = (raw: string): string | null => {
    const id = raw.toLowerCase().replace(/_/g, '-');
    if (has(id)) return id;
    const alias = LANGUAGE_ALIASES[id];
    if (alias && has(alias)) return alias;
    return null;
  };
  if (requested !== undefined) return resolve(requested);
  for (const tag of browserLanguages) {
    const exact = resolve(tag);
    if (exact) return exact;
    const lower = tag.toLowerCase();
    // Traditional Chinese readers are not served the Simplified pack.
    if (/^zh-(tw|hk|mo|hant)/.test(lower)) continue;
    const primary = lower.split(/[-_]/)[0] ?? '';
    const byPrimary = resolve(primary);
    if (byPrimary) return byPrimary;
  }
  return has('en') ? 'en' : (available[0] ?? null);
}
