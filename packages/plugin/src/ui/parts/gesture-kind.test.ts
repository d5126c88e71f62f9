import { describe, expect, it } from 'vitest';
import { ACTION_SPECS } from '../../actions/catalog.js';
import { gestureHintKind } from './gesture-kind.js';

describe('gestureHintKind', () => {
  it('has an animation for every gesture prompt, and a distinct one', () => {
    const kinds = Object.values(ACTION_SPECS)
      .filter((s) => s?.kind === 'gesture')
      .map((s) => (s?.kind === 'gesture' ? gestureHintKind(s.promptKey, false) : null));
    expect(kinds).not.toContain(null);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('maps the head turns onto their own direction', () => {
    expect(gestureHintKind('oz_action_left_go', false)).toBe('left');
    expect(gestureHintKind('oz_action_right_go', false)).toBe('right');
    expect(gestureHintKind('oz_action_high_go', false)).toBe('up');
    expect(gestureHintKind('oz_action_down_go', false)).toBe('down');
  });

  it('shows nothing without a prompt, for the scan, or with hideAnimation', () => {
    expect(gestureHintKind(null, false)).toBeNull();
    expect(gestureHintKind('oz_action_scan_go', false)).toBeNull();
    expect(gestureHintKind('oz_action_smile_go', true)).toBeNull();
  });
});
