import type { LocaleKey } from './en.js';

/**
 * Legacy key names that mean the same text as a current key. The plugin shows the current key; `add_lang`
 * and the translate function accept either name, so a page written for the old scheme keeps working.
 */
export const LEGACY_ALIASES: Readonly<Record<string, LocaleKey>> = {
  action_smile_go: 'oz_action_smile_go',
  action_blink_go: 'oz_action_eyes_go',
  action_head_up_go: 'oz_action_high_go',
  action_head_down_go: 'oz_action_down_go',
  action_head_left_go: 'oz_action_left_go',
  action_head_right_go: 'oz_action_right_go',
  see_on_this_text: 'oz_action_scan_go',
};

/** The current key for `key` (itself when it is not a legacy alias). */
export function canonicalKey(key: string): string {
  return LEGACY_ALIASES[key] ?? key;
}
