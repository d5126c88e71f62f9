import { describe, expect, it } from 'vitest';
import { parseConfig } from './load.js';
import { MASK, redactConfig } from './redact.js';

describe('redactConfig', () => {
  it('masks every secret and URL credentials, keeping the rest', () => {
    const r = parseConfig(
      {
        api_url: 'https://user:pw@api.example.com/base',
        api_token: 'tok',
        api_login: 'ops@example.com',
        api_password: 'hunter2',
        master_license_signature: 'sig',
        license: { payload_b64: 'cGF5', signature: 'lic-sig', enc_public_key: 'pk' },
      },
      {},
    );
    if (!r.ok) throw new Error('config should be valid');
    const shown = redactConfig(r.config);
    const text = JSON.stringify(shown);
    for (const secret of ['tok"', 'hunter2', '"sig"', 'lic-sig', ':pw@']) expect(text).not.toContain(secret);
    expect(shown).toMatchObject({
      api_token: MASK,
      api_password: MASK,
      master_license_signature: MASK,
      license: { payload_b64: 'cGF5', signature: MASK, enc_public_key: 'pk' },
      api_login: 'ops@example.com',
      api_url: 'https://***:***@api.example.com/base',
    });
    // The original is untouched.
    expect(r.config.api_token).toBe('tok');
  });

  it('leaves absent secrets absent', () => {
    const r = parseConfig({}, {});
    if (!r.ok) throw new Error('config should be valid');
    expect(redactConfig(r.config).api_token).toBeUndefined();
  });

  it('masks the container private key and the backend session-token key', () => {
    const r = parseConfig(
      {
        use_wasm_container: true,
        api_use_session_token: 'client',
        container_private_key: 'A'.repeat(184),
        session_token_key: 'backend-key-for-session-tokens',
      },
      {},
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error.issues));
    expect(redactConfig(r.config)).toMatchObject({ container_private_key: MASK, session_token_key: MASK });
  });
});
