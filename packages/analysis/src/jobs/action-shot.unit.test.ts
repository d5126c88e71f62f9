import { describe, expect, it } from 'vitest';
import type { Point } from '../models/image.js';
import { gestureOf, pickActionFrame } from './action-shot.js';

/** A frontal iBUG-68 face: eyes `open` (lid gap in px), mouth `width`, nose offset `turn`. */
function face({ open = 6, width = 40, turn = 0 } = {}): Point[] {
  const p: Point[] = Array.from({ length: 68 }, () => ({ x: 100, y: 100 }));
  for (let i = 0; i <= 16; i++) p[i] = { x: 40 + i * 7.5, y: 120 + Math.abs(8 - i) * -4 + 40 };
  p[8] = { x: 100, y: 200 };
  const eye = (o: number, cx: number) => {
    p[o] = { x: cx - 12, y: 90 };
    p[o + 1] = { x: cx - 4, y: 90 - open / 2 };
    p[o + 2] = { x: cx + 4, y: 90 - open / 2 };
    p[o + 3] = { x: cx + 12, y: 90 };
    p[o + 4] = { x: cx + 4, y: 90 + open / 2 };
    p[o + 5] = { x: cx - 4, y: 90 + open / 2 };
  };
  eye(36, 75);
  eye(42, 125);
  p[30] = { x: 100 + turn, y: 130 };
  p[48] = { x: 100 - width / 2, y: 165 };
  p[54] = { x: 100 + width / 2, y: 165 };
  return p;
}

describe('action shot', () => {
  it('maps gesture tags to a measure, and gives none for passive actions', () => {
    expect(gestureOf(['video_selfie', 'video_selfie_eyes'])).toEqual({
      measure: 'eye_openness',
      pick: 'min',
    });
    expect(gestureOf(['video_selfie', 'video_selfie_smile'])?.measure).toBe('mouth_width');
    expect(gestureOf(['video_selfie', 'video_selfie_left'])?.measure).toBe('head_turn');
    expect(gestureOf(['video_selfie', 'video_selfie_blank'])).toBeNull();
  });

  it('picks the frame with closed eyes, the widest smile, the largest turn', () => {
    expect(pickActionFrame('eye_openness', 'min', [face(), face({ open: 0.5 }), face()])?.index).toBe(1);
    expect(pickActionFrame('mouth_width', 'max', [face(), face(), face({ width: 60 })])?.index).toBe(2);
    expect(pickActionFrame('head_turn', 'max', [face({ turn: -25 }), face(), face({ turn: 5 })])?.index).toBe(
      0,
    );
    expect(pickActionFrame('eye_openness', 'min', [])).toBeNull();
  });
});
