import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { resolveActions } from './actions.js';
import { drawChallenge, GESTURE_ACTIONS, gesturePool } from './challenge.js';
import { freshClaims, signSession, verifySession } from './token.js';

const ALL = ['video_selfie_blank', 'video_selfie_best', 'video_selfie_scan', ...GESTURE_ACTIONS];
const HEADS = new Set(['video_selfie_left', 'video_selfie_right', 'video_selfie_high', 'video_selfie_down']);

describe('random challenge', () => {
  it('draws only gesture actions of the list, without repeats, always with a head movement', () => {
    const pool = gesturePool(ALL);
    expect(pool).toEqual([...GESTURE_ACTIONS]);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const draw = drawChallenge(pool, 2);
      expect(draw).toHaveLength(2);
      expect(new Set(draw).size).toBe(2);
      expect(draw.some((a) => HEADS.has(a))).toBe(true);
      seen.add(draw.join(','));
    }
    // 6 gestures, 2 ordered, at least one head movement: 30 − 2 (smile+eyes either order) = 28 draws.
    expect(seen.size).toBeGreaterThan(20);
  });

  it('puts the head movement anywhere in the sequence, and draws the whole pool when asked', () => {
    const firsts = new Set<boolean>();
    for (let i = 0; i < 200; i++) firsts.add(HEADS.has(drawChallenge(gesturePool(ALL), 3)[0] as string));
    expect(firsts).toEqual(new Set([true, false]));
    expect(new Set(drawChallenge(['video_selfie_smile', 'video_selfie_eyes'], 2))).toEqual(
      new Set(['video_selfie_smile', 'video_selfie_eyes']),
    );
  });

  it('is what the session runs when the adapter decides, and marked as a challenge', () => {
    const settings = {
      actions_default_importance: true,
      actions_default: { video_count: 2, photo_front: false, photo_back: false, random: true },
      video_actions_list: ALL,
      photo_actions_list: [],
    };
    const r = resolveActions(settings, ['video_selfie_blank']);
    expect(r).toMatchObject({ ok: true, challenge: true });
    if (!r.ok) return;
    expect(r.actions.every((a) => (GESTURE_ACTIONS as readonly string[]).includes(a))).toBe(true);
    // Without actions_default_importance the page's own list is run, and it is no challenge.
    expect(
      resolveActions({ ...settings, actions_default_importance: false }, ['video_selfie_blank']),
    ).toEqual({
      ok: true,
      actions: ['video_selfie_blank'],
      challenge: false,
    });
    // The draw is signed into the session token: editing it breaks the token.
    const secret = 'a-session-secret-of-at-least-32-characters';
    const token = signSession(
      secret,
      freshClaims({ sid: 's', actions: r.actions, challenge: true, meta: {} }),
    );
    // The claims are sealed (the page cannot read them): any edit of the sealed part breaks the token.
    const parts = token.split('.');
    const body = parts[1] ?? '';
    const flipped = `${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}`;
    parts[1] = flipped;
    expect(verifySession(secret, parts.join('.')).ok).toBe(false);
    expect(token).not.toContain(Buffer.from('video_selfie').toString('base64url').slice(0, 8));
    expect(verifySession(secret, token)).toMatchObject({
      ok: true,
      claims: { challenge: true, actions: r.actions },
    });
  });
});

describe('actions_default.random configuration', () => {
  it('refuses more draws than the list has gesture actions', () => {
    const r = parseConfig(
      {
        actions_default: { video_count: 3, random: true },
        video_actions_list: ['video_selfie_blank', 'video_selfie_smile', 'video_selfie_left'],
      },
      {},
    );
    expect(r.ok).toBe(false);
    const ok = parseConfig({ actions_default: { video_count: 2, random: 'true' } }, {});
    expect(ok.ok && ok.config.actions_default.random).toBe(true);
  });
});
