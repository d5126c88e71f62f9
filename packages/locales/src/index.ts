import { en } from './en.js';

export { en, type LocaleKey, type LocalePack } from './en.js';

/** Packs that ship with the plugin, by `lang_id`. More arrive through `OzLiveness.add_lang`. */
export const builtInPacks: Readonly<Record<string, Readonly<Record<string, string>>>> = { en };
