import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCE_INTERVAL_MS, announceThrottle } from './announce-throttle.js';

describe('live-region announcements', () => {
  let said: Array<{ text: string; at: number }>;
  let t0: number;
  const make = (initial = 'Loading…') =>
    announceThrottle((text) => said.push({ text, at: Date.now() - t0 }), initial);

  beforeEach(() => {
    vi.useFakeTimers();
    t0 = Date.now();
    said = [];
  });
  afterEach(() => vi.useRealTimers());

  it('the first change goes out at once', () => {
    const a = make();
    a.push('Place your face in the oval', false);
    vi.advanceTimersByTime(0);
    expect(said).toEqual([{ text: 'Place your face in the oval', at: 0 }]);
  });

  it('a burst of hints is not read one by one: after the interval only the newest is said', () => {
    const a = make();
    a.push('Move closer', false);
    vi.advanceTimersByTime(0);
    // Ten frames of changing guidance within 1 s.
    const hints = ['Move back', 'Centre your face in the oval', 'Move closer', 'Hold still'];
    for (let i = 0; i < 10; i++) {
      a.push(hints[i % hints.length] ?? '', false);
      vi.advanceTimersByTime(100);
    }
    expect(said.map((s) => s.text)).toEqual(['Move closer']);
    vi.advanceTimersByTime(ANNOUNCE_INTERVAL_MS);
    expect(said).toEqual([
      { text: 'Move closer', at: 0 },
      { text: 'Centre your face in the oval', at: ANNOUNCE_INTERVAL_MS },
    ]);
  });

  it('over a long stretch of changes it never speaks more often than once per interval', () => {
    const a = make();
    for (let i = 0; i < 200; i++) {
      a.push(`hint ${i}`, false);
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(ANNOUNCE_INTERVAL_MS);
    expect(said.length).toBeLessThanOrEqual(Math.ceil((200 * 50) / ANNOUNCE_INTERVAL_MS) + 1);
    for (let i = 1; i < said.length; i++)
      expect((said[i]?.at ?? 0) - (said[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(ANNOUNCE_INTERVAL_MS);
    expect(said.at(-1)?.text).toBe('hint 199');
  });

  it('changes spaced wider than the interval are each said when they happen', () => {
    const a = make();
    a.push('Uploading…', false);
    vi.advanceTimersByTime(ANNOUNCE_INTERVAL_MS + 500);
    a.push('Getting the result…', false);
    vi.advanceTimersByTime(0);
    expect(said.map((s) => s.at)).toEqual([0, ANNOUNCE_INTERVAL_MS + 500]);
  });

  it('an error is said at once, even right after another announcement', () => {
    const a = make();
    a.push('Move closer', false);
    vi.advanceTimersByTime(300);
    a.push('The connection was lost.', true);
    vi.advanceTimersByTime(0);
    expect(said).toEqual([
      { text: 'Move closer', at: 0 },
      { text: 'The connection was lost.', at: 300 },
    ]);
  });

  it('going back to what is already said cancels the waiting text', () => {
    const a = make();
    a.push('Hold still', false);
    vi.advanceTimersByTime(100);
    a.push('Move closer', false);
    a.push('Hold still', false);
    vi.advanceTimersByTime(ANNOUNCE_INTERVAL_MS * 2);
    expect(said.map((s) => s.text)).toEqual(['Hold still']);
  });

  it('nothing is said after dispose (the dialog closed)', () => {
    const a = make();
    a.push('Move closer', false);
    vi.advanceTimersByTime(0);
    a.push('Hold still', false);
    a.dispose();
    vi.advanceTimersByTime(ANNOUNCE_INTERVAL_MS * 2);
    expect(said.map((s) => s.text)).toEqual(['Move closer']);
  });
});
