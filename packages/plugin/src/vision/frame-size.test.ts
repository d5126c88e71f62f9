import { describe, expect, it } from 'vitest';
import { ANALYSIS_LONG_SIDE, analysisSize } from './frame-size.js';

describe('analysisSize', () => {
  it('leaves frames at or under the long side alone', () => {
    expect(analysisSize(640, 480)).toBeNull();
    expect(analysisSize(480, 640)).toBeNull();
    expect(analysisSize(320, 240)).toBeNull();
  });

  it('scales a landscape HD frame to the long side, keeping the aspect ratio', () => {
    expect(analysisSize(1280, 720)).toEqual({ width: ANALYSIS_LONG_SIDE, height: 360 });
    expect(analysisSize(1920, 1080)).toEqual({ width: 640, height: 360 });
  });

  it('scales a portrait phone frame by its height', () => {
    expect(analysisSize(720, 1280)).toEqual({ width: 360, height: 640 });
  });

  it('rounds odd sizes and never returns a zero side', () => {
    expect(analysisSize(1000, 3)).toEqual({ width: 640, height: 2 });
    expect(analysisSize(5000, 1)).toEqual({ width: 640, height: 1 });
  });

  it('returns null before the video knows its size', () => {
    expect(analysisSize(0, 0)).toBeNull();
    expect(analysisSize(Number.NaN, 480)).toBeNull();
  });
});
