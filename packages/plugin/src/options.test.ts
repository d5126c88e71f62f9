import { describe, expect, it } from 'vitest';
import { normalizeOptions } from './options.js';

describe('normalizeOptions', () => {
  it('applies defaults', () => {
    const { options, problem } = normalizeOptions(undefined);
    expect(problem).toBeNull();
    expect(options.action).toEqual(['video_selfie_blank']);
    expect(options.lang).toBe('en');
    expect(options.get_user_media_timeout).toBe(40_000);
  });
  it('is lenient with odd real-world input and says so', () => {
    const { options, warnings } = normalizeOptions({
      overlay_options: false,
      result_mode: 'safe',
      on_close: 'not a function',
      meta: { transaction_id: 42 },
      get_user_media_timeout: 'soon',
    });
    expect(options.overlay_options).toBeUndefined();
    expect(options.on_close).toBeUndefined();
    expect(options.meta).toEqual({ transaction_id: '42' });
    expect(options.get_user_media_timeout).toBe(40_000);
    expect(warnings.length).toBeGreaterThanOrEqual(4);
  });
  it('reports unknown actions as a problem', () => {
    expect(normalizeOptions({ action: ['video_selfie_dance'] }).problem).toMatch(/video_selfie_dance/);
  });
});
