export { canonicalKey, LEGACY_ALIASES } from './aliases.js';
export { type CompletePack, en, type LocaleKey, type LocalePack } from './en.js';
export {
  chooseLanguage,
  directionOf,
  LANGUAGE_ALIASES,
  LANGUAGES,
  type LanguageInfo,
  languageTag,
  type TextDirection,
} from './languages.js';

/** Where a built-in pack lives, relative to the plugin's base URL (the adapter serves `/plugin/`). */
export const packPath = (id: string): string => `plugin/locales/${id}.json`;
