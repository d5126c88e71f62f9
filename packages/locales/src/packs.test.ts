import { describe, expect, it } from 'vitest';
import { canonicalKey, LEGACY_ALIASES } from './aliases.js';
import { en, type LocaleKey } from './en.js';
import { chooseLanguage, directionOf, LANGUAGES, languageTag } from './languages.js';
import { PACKS } from './packs/index.js';

const KEYS = Object.keys(en).sort() as LocaleKey[];
/** Keys whose text is a proper name and may read the same in every language. */
const SAME_EVERYWHERE: ReadonlySet<string> = new Set(['oz_tutorial_camera_android_edge_browser']);

describe('built-in packs', () => {
  it('ships twelve or more languages, two or more of them right to left, each listed once', () => {
    const ids = LANGUAGES.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(Object.keys(PACKS).sort());
    expect(ids.length).toBeGreaterThanOrEqual(12);
    for (const id of ['en', 'es', 'pt-br', 'kz', 'ar', 'he']) expect(ids).toContain(id);
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.id)).toEqual(
      expect.arrayContaining(['ar', 'he']),
    );
  });

  for (const [id, pack] of Object.entries(PACKS)) {
    it(`${id}: holds exactly the English keys, each translated`, () => {
      // The compiler checks this too (`satisfies CompletePack`); the test also catches extra keys.
      expect(Object.keys(pack).sort()).toEqual(KEYS);
      for (const key of KEYS) {
        const text = pack[key];
        expect(typeof text, `${id}.${key}`).toBe('string');
        expect(text.trim().length, `${id}.${key} is empty`).toBeGreaterThan(0);
        if (id !== 'en' && !SAME_EVERYWHERE.has(key) && text.length > 6) {
          expect(text, `${id}.${key} is still English`).not.toBe(en[key]);
        }
      }
    });
  }

  it('writes Kazakh in Cyrillic, Arabic and Hebrew in their own scripts', () => {
    const script = (id: string, re: RegExp) =>
      Object.entries(PACKS[id] ?? {})
        .filter(([k]) => !SAME_EVERYWHERE.has(k))
        .every(([, v]) => re.test(v));
    expect(script('kz', /[\u0400-\u04FF]/)).toBe(true);
    expect(script('ar', /[\u0600-\u06FF]/)).toBe(true);
    expect(script('he', /[\u0590-\u05FF]/)).toBe(true);
  });

  it('maps every legacy gesture key onto a shown key', () => {
    for (const [legacy, current] of Object.entries(LEGACY_ALIASES)) {
      expect(KEYS).toContain(current);
      expect(KEYS).not.toContain(legacy);
      expect(canonicalKey(legacy)).toBe(current);
    }
    expect(canonicalKey('action_hint_OK')).toBe('action_hint_OK');
  });
});

describe('chooseLanguage', () => {
  const ids = LANGUAGES.map((l) => l.id);
  it('takes the requested id first, with aliases, and null for an unknown one', () => {
    expect(chooseLanguage('es', ['de-DE'], ids)).toBe('es');
    expect(chooseLanguage('KK', [], ids)).toBe('kz');
    expect(chooseLanguage('pt-BR', [], ids)).toBe('pt-br');
    expect(chooseLanguage('xx', ['de'], ids)).toBeNull();
  });
  it('else the first browser language with a pack, by exact tag, alias or primary subtag', () => {
    expect(chooseLanguage(undefined, ['xx-YY', 'de-AT', 'fr'], ids)).toBe('de');
    expect(chooseLanguage(undefined, ['pt-BR'], ids)).toBe('pt-br');
    expect(chooseLanguage(undefined, ['pt-PT'], ids)).toBe('pt-br');
    expect(chooseLanguage(undefined, ['kk-KZ'], ids)).toBe('kz');
    expect(chooseLanguage(undefined, ['zh-CN'], ids)).toBe('zh');
    expect(chooseLanguage(undefined, ['zh-TW', 'ja-JP'], ids)).toBe('ja');
    expect(chooseLanguage(undefined, ['ar-EG'], ids)).toBe('ar');
  });
  it('else English', () => {
    expect(chooseLanguage(undefined, ['xx', 'yy-ZZ'], ids)).toBe('en');
    expect(chooseLanguage(undefined, [], ids)).toBe('en');
  });
  it('knows the direction and the lang attribute of any id', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('fa-ir')).toBe('rtl');
    expect(directionOf('kz')).toBe('ltr');
    expect(languageTag('kz')).toBe('kk');
    expect(languageTag('custom')).toBe('custom');
  });
});
