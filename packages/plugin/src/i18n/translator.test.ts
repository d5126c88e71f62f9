import { en } from '@open-liveness/locales';
import { PACKS } from '@open-liveness/locales/packs';
import { describe, expect, it } from 'vitest';
import { LocaleRegistry, type PackFetcher } from './translator.js';

/** Serves the real built-in packs and records which ones were asked for. */
function recordingFetcher(): { fetch: PackFetcher; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetch: async (id) => {
      asked.push(id);
      const pack = PACKS[id];
      if (!pack) throw new Error(`no pack ${id}`);
      return { ...pack };
    },
  };
}

describe('LocaleRegistry', () => {
  it('fetches only the chosen built-in pack', async () => {
    const f = recordingFetcher();
    const reg = new LocaleRegistry(f.fetch);
    const t = await reg.load('es');
    expect(t('oz_action_smile_go')).toBe('Sonríe');
    expect(f.asked).toEqual(['es']);
    await reg.load('es');
    expect(f.asked).toEqual(['es']);
  });

  it('falls back to English per key for an added language and merges add_lang calls', async () => {
    const f = recordingFetcher();
    const reg = new LocaleRegistry(f.fetch);
    reg.add('xx', { action_hint_move_closer: 'Näher' });
    reg.add('xx', { action_hint_move_away: 'Weiter weg', bad: 3 });
    const t = await reg.load('xx');
    expect(t('action_hint_move_closer')).toBe('Näher');
    expect(t('action_hint_move_away')).toBe('Weiter weg');
    expect(t('action_hint_too_dark')).toBe(en.action_hint_too_dark);
    expect(f.asked).toEqual(['en']);
    expect(reg.ids()).toContain('xx');
    expect(reg.ids().slice(0, 1)).toEqual(['en']);
    expect(reg.has('xx') && reg.has('ar') && !reg.has('yy')).toBe(true);
  });

  it('takes legacy action_*_go keys as aliases of the shown oz_action_*_go keys', async () => {
    const reg = new LocaleRegistry(recordingFetcher().fetch);
    reg.add('en', { action_smile_go: 'Big smile!' });
    let t = await reg.load('en');
    expect(t('oz_action_smile_go')).toBe('Big smile!');
    reg.add('en', { oz_action_smile_go: 'Smile please', action_head_left_go: 'Left!' });
    t = reg.translator('en');
    expect(t('oz_action_smile_go')).toBe('Smile please');
    expect(t('oz_action_left_go')).toBe('Left!');
    // In one pack with both names the current name wins.
    reg.add('en', { oz_action_eyes_go: 'Current', action_blink_go: 'Legacy' });
    expect(reg.translator('en')('oz_action_eyes_go')).toBe('Current');
  });

  it('lets add_lang override a built-in pack that is loaded later', async () => {
    const reg = new LocaleRegistry(recordingFetcher().fetch);
    reg.add('de', { action_hint_OK: 'Klasse!' });
    const t = await reg.load('de');
    expect(t('action_hint_OK')).toBe('Klasse!');
    expect(t('action_hint_move_closer')).toBe(PACKS.de?.action_hint_move_closer);
  });

  it('reports a pack that cannot be fetched, and tries again next time', async () => {
    let fail = true;
    const reg = new LocaleRegistry(async (id) => {
      if (fail) throw new Error('offline');
      return { ...PACKS[id] };
    });
    await expect(reg.load('fr')).rejects.toThrow('offline');
    fail = false;
    expect((await reg.load('fr'))('try_again')).toBe('Réessayer');
  });
});
