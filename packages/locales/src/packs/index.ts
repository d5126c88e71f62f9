import { type CompletePack, en } from '../en.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { kz } from './kz.js';
import { ptBr } from './pt-br.js';
import { ru } from './ru.js';
import { tr } from './tr.js';
import { zh } from './zh.js';

/**
 * Every built-in pack by `lang_id`. The plugin never bundles these: the build writes each one to its own
 * JSON file (`dist/json/<id>.json`) that the adapter serves and the plugin fetches on demand.
 */
export const PACKS: Readonly<Record<string, CompletePack>> = {
  en,
  es,
  'pt-br': ptBr,
  kz,
  fr,
  de,
  it,
  ru,
  tr,
  zh,
  ja,
  ar,
  he,
};
