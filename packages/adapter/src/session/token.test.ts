import { describe, expect, it } from 'vitest';
import { defaultActions, resolveActions } from './actions.js';
import { freshClaims, SESSION_TTL_SECONDS, signSession, verifySession } from './token.js';

const secret = 'a-session-secret-of-at-least-32-characters';
const t0 = new Date('2026-06-01T12:00:00Z');

describe('session tokens', () => {
  const claims = freshClaims(
    { sid: 'evt-12345678', actions: ['video_selfie_blank'], meta: { transaction_id: 't' } },
    t0,
  );

  it('round-trips and expires after 30 minutes', () => {
    const token = signSession(secret, claims);
    expect(verifySession(secret, token, t0)).toEqual({ ok: true, claims });
    expect(claims.exp - claims.iat).toBe(SESSION_TTL_SECONDS);
    expect(verifySession(secret, token, new Date(t0.getTime() + SESSION_TTL_SECONDS * 1000))).toEqual({
      ok: false,
      code: 'session_expired',
    });
  });

  it('refuses another secret, edited tokens and other formats', () => {
    const token = signSession(secret, claims);
    expect(verifySession(`${secret}x`, token, t0)).toEqual({ ok: false, code: 'session_invalid' });
    const [p, iv, body = '', tag] = token.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(verifySession(secret, `${p}.${iv}.${flipped.toString('base64url')}.${tag}`, t0).ok).toBe(false);
    expect(verifySession(secret, 'eyJhbGciOiJub25lIn0.e30.', t0).ok).toBe(false);
    expect(verifySession(secret, 'ols1.e30.AAAA', t0).ok).toBe(false);
    expect(verifySession(secret, '', t0).ok).toBe(false);
  });

  it('hides its claims from the page that holds it', () => {
    const secretMeta = freshClaims(
      { sid: 'evt-12345678', actions: [], meta: { customer: 'Jane Doe' }, api_token: 'page-api-token' },
      t0,
    );
    const token = signSession(secret, secretMeta);
    const readable = token
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'))
      .join(' ');
    for (const text of ['Jane Doe', 'page-api-token', 'customer', 'evt-12345678']) {
      expect(readable).not.toContain(text);
    }
    // Two tokens of the same claims differ (fresh IV), so nothing is learnt by comparing them.
    expect(signSession(secret, secretMeta)).not.toBe(token);
  });
});

describe('actions', () => {
  const settings = {
    actions_default_importance: false,
    actions_default: { video_count: 2, photo_front: true, photo_back: false, random: false },
    video_actions_list: ['video_selfie_blank', 'video_selfie_smile'],
    photo_actions_list: ['photo_id_front'],
  };

  it('builds the default set and lets the page choose unless the adapter insists', () => {
    expect(defaultActions(settings)).toEqual(['video_selfie_blank', 'video_selfie_smile', 'photo_id_front']);
    expect(resolveActions(settings, ['video_selfie_smile'])).toEqual({
      ok: true,
      actions: ['video_selfie_smile'],
      challenge: false,
    });
    expect(resolveActions({ ...settings, actions_default_importance: true }, ['video_selfie_smile'])).toEqual(
      {
        ok: true,
        actions: defaultActions(settings),
        challenge: false,
      },
    );
    expect(resolveActions(settings, ['video_selfie_left'])).toMatchObject({
      ok: false,
      action: 'video_selfie_left',
    });
  });
});
