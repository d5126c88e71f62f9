import { describe, expect, it } from 'vitest';
import { LocaleRegistry } from './translator.js';

describe('LocaleRegistry', () => {
  it('falls back to English per key and merges add_lang packs', () => {
    const reg = new LocaleRegistry();
    reg.add('xx', { action_hint_move_closer: 'Näher' });
    reg.add('xx', { action_hint_move_away: 'Weiter weg' });
    const t = reg.translator('xx');
    expect(t('action_hint_move_closer')).toBe('Näher');
    expect(t('action_hint_move_away')).toBe('Weiter weg');
    expect(t('action_hint_too_dark')).toBe('Find better light');
    expect(reg.ids()).toEqual(['en', 'xx']);
  });
});
