import type { LocaleKey } from '@open-liveness/locales';

/** What the gesture hint animation shows: the movement the current prompt asks for. */
export type GestureHintKind = 'left' | 'right' | 'up' | 'down' | 'blink' | 'smile' | 'closer' | 'away';

const BY_PROMPT: Partial<Record<LocaleKey, GestureHintKind>> = {
  oz_action_left_go: 'left',
  oz_action_right_go: 'right',
  oz_action_high_go: 'up',
  oz_action_down_go: 'down',
  oz_action_eyes_go: 'blink',
  oz_action_smile_go: 'smile',
  action_zoom_in_go: 'closer',
  action_zoom_out_go: 'away',
};

/**
 * The animation for the prompt on screen, or null: none without a prompt, for the scan (its moving text is
 * the animation), or when the page turned it off (`hintAnimation.hideAnimation`).
 */
export function gestureHintKind(prompt: LocaleKey | null, hideAnimation: boolean): GestureHintKind | null {
  if (hideAnimation || !prompt) return null;
  return BY_PROMPT[prompt] ?? null;
}
