import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteMetadataStore } from '../storage/sqlite.js';
import { signJwt, verifyJwt } from './jwt.js';
import { SessionService } from './sessions.js';
import { UserDirectory } from './users.js';

const secret = new TextEncoder().encode('test-secret');

describe('jwt', () => {
  it('round-trips and rejects tampering', () => {
    const claims = { sub: 'u', sid: 's', jti: 'j', iat: 1, exp: 2 };
    const t = signJwt(claims, secret);
    expect(verifyJwt(t, secret)).toEqual(claims);
    expect(verifyJwt(`${t}x`, secret)).toBeNull();
    expect(verifyJwt(t, new TextEncoder().encode('other'))).toBeNull();
    expect(verifyJwt('a.b', secret)).toBeNull();
  });
});

describe('sessions', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function setup(sliding: boolean) {
    const dir = mkdtempSync(join(tmpdir(), 'ol-auth-'));
    dirs.push(dir);
    let now = 1_000_000_000_000;
    const store = new SqliteMetadataStore(join(dir, 'db.sqlite'));
    const users = new UserDirectory([
      { email: 'a@x', password: 'pw' },
      { email: 'b@x', password: 'pw2' },
    ]);
    const svc = new SessionService(
      store,
      users,
      secret,
      { accessTtl: 60, refreshTtl: 600, sliding },
      () => now,
    );
    return { svc, advance: (s: number) => (now += s * 1000) };
  }

  it('expires access tokens after the TTL and renews them with the expire token', async () => {
    const { svc, advance } = setup(false);
    const login = await svc.login('a@x', 'pw');
    if (!login.ok) throw new Error('login failed');
    const { access_token, expire_token } = login.value.tokens;
    expect((await svc.authenticate(access_token)).ok).toBe(true);
    advance(61);
    const expired = await svc.authenticate(access_token);
    expect(!expired.ok && expired.error.name).toBe('AUTH_EXPIRED');
    const renewed = await svc.refresh(access_token, expire_token);
    if (!renewed.ok) throw new Error('refresh failed');
    expect((await svc.authenticate(renewed.value.access_token)).ok).toBe(true);
    // First use of the new pair retired the old one.
    expect((await svc.refresh(access_token, expire_token)).ok).toBe(false);
  });

  it('slides the expiry forward on use', async () => {
    const { svc, advance } = setup(true);
    const login = await svc.login('a@x', 'pw');
    if (!login.ok) throw new Error('login failed');
    for (let i = 0; i < 3; i++) {
      advance(45);
      expect((await svc.authenticate(login.value.tokens.access_token)).ok).toBe(true);
    }
  });

  it('reports the documented refresh errors', async () => {
    const { svc } = setup(false);
    const a = await svc.login('a@x', 'pw');
    const b = await svc.login('b@x', 'pw2');
    if (!a.ok || !b.ok) throw new Error('login failed');
    const missing = await svc.refresh(a.value.tokens.access_token, undefined);
    expect(!missing.ok && missing.error.http).toBe(400);
    const unknown = await svc.refresh(a.value.tokens.access_token, 'nope');
    expect(!unknown.ok && unknown.error.message).toBe('Session not found');
    const foreign = await svc.refresh(a.value.tokens.access_token, b.value.tokens.expire_token);
    expect(!foreign.ok && foreign.error.http).toBe(403);
    expect((await svc.login('a@x', 'wrong')).ok).toBe(false);
  });
});
