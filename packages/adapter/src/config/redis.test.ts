import { describe, expect, it } from 'vitest';
import { parseConfig } from './load.js';
import { redactConfig } from './redact.js';

const SECRET = 'pool-session-secret-at-least-32-characters';

describe('redis_url configuration', () => {
  it('refuses Redis without a shared session secret, naming the key and its variable', () => {
    const r = parseConfig({}, { OZ_ADAPTER_REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues).toEqual([
      expect.objectContaining({
        code: 'config_missing_value',
        key: 'session_secret',
        envVar: 'OZ_ADAPTER_SESSION_SECRET',
      }),
    ]);
    expect(r.error.issues[0]?.message).toMatch(/every adapter of the pool/);
  });

  it('refuses Redis with sealed containers but no shared container key', () => {
    const r = parseConfig(
      { redis_url: 'redis://cache:6379', session_secret: SECRET, use_wasm_container: true },
      {},
    );
    expect(r.ok ? [] : r.error.issues.map((i) => i.key)).toEqual(['container_private_key']);
  });

  it('accepts Redis with the secret, keeps the default prefix, and masks URL credentials', () => {
    const r = parseConfig(
      { session_secret: SECRET },
      { OZ_ADAPTER_REDIS_URL: 'redis://:hunter2@cache:6379/0' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error.issues));
    expect(r.config.redis_key_prefix).toBe('ol:');
    expect(JSON.stringify(redactConfig(r.config))).not.toContain('hunter2');
  });

  it('refuses a URL that is not redis:// or rediss://', () => {
    const r = parseConfig({ redis_url: 'http://cache:6379', session_secret: SECRET }, {});
    expect(r.ok ? [] : r.error.issues.map((i) => [i.key, i.code])).toEqual([
      ['redis_url', 'config_invalid_value'],
    ]);
  });

  it('without redis_url nothing else is required (the single-process default)', () => {
    const r = parseConfig({}, {});
    expect(r.ok && r.config.redis_url).toBeUndefined();
  });
});
