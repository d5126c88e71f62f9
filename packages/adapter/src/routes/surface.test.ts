import { describe, expect, it } from 'vitest';
import { generateLicenseKeyPair, importLicensePrivateKey, issueLicense } from '../licensing/index.js';
import { startSession, startTestAdapter, testConfig } from '../testing/app.js';

/** Session options, telemetry, licence, debug, CORS and headers — everything that needs no API. */

describe('POST /api/v1/sessions', () => {
  it('returns the effective options and the default actions', async () => {
    const adapter = await startTestAdapter(testConfig({ results_polling_interval: 1500 }), undefined);
    try {
      const { status, json } = await startSession(adapter.url);
      expect(status).toBe(200);
      expect(json).toMatchObject({
        event_session_id: '0f4c1c1e-5a39-4d5e-9a8c-2b2f6d1b7e11',
        architecture: 'normal',
        result_mode: 'safe',
        results_polling_interval: 1500,
        actions: ['video_selfie_blank'],
        integrity: { mode: 'production', trusted_test_devices: [] },
        license: { code: 'ok', valid: true },
      });
      expect(json.session).toMatch(/^ols2\./);
    } finally {
      await adapter.close();
    }
  });

  it('shows trusted test devices only in development, refuses unknown actions and missing client tokens', async () => {
    const config = testConfig({ trusted_test_devices: ['fake-cam'], api_use_token: 'client' });
    const dev = await startTestAdapter(config, undefined, { nodeEnv: 'test' });
    const prod = await startTestAdapter(config, undefined, { nodeEnv: 'production' });
    try {
      const a = await startSession(dev.url, { token: 'page-token' });
      expect(a.json.integrity).toEqual({
        mode: 'development',
        trusted_test_devices: ['fake-cam'],
        devtools: 'flag',
      });
      const b = await startSession(prod.url, { token: 'page-token' });
      expect(b.json.integrity).toEqual({ mode: 'production', trusted_test_devices: [], devtools: 'flag' });
      expect(await startSession(dev.url, { actions: ['video_selfie_dance'], token: 't' })).toMatchObject({
        status: 400,
        json: { code: 'session_action_not_allowed' },
      });
      expect(await startSession(dev.url)).toMatchObject({ status: 400, json: { code: 'api_no_token' } });
    } finally {
      await dev.close();
      await prod.close();
    }
  });

  it('enforces the licence once public keys are configured', async () => {
    const keys = generateLicenseKeyPair();
    const key = importLicensePrivateKey(keys.privateKeyPem);
    if (key === null) throw new Error('key');
    const issued = issueLicense(key, {
      licensee: 'Shop',
      origins: ['shop.example'],
      expires: new Date(Date.now() + 86_400_000),
    });
    if (!issued.ok) throw new Error(issued.message);
    const license = issued.value;
    const adapter = await startTestAdapter(
      testConfig({ license_public_keys: [keys.publicKey], license }),
      undefined,
    );
    try {
      const post = (origin: string) =>
        fetch(`${adapter.url}/api/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: '{}',
        });
      expect((await post('https://shop.example')).status).toBe(200);
      const refused = await post('https://other.example');
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'license_origin_mismatch' });
      const check = await fetch(`${adapter.url}/check_license.php`, {
        headers: { origin: 'https://shop.example' },
      });
      expect(check.status).toBe(200);
      expect(await check.json()).toMatchObject({ ok: true, code: 'ok', license: { licensee: 'Shop' } });
      expect((await fetch(`${adapter.url}/check_license.php?origin=https://other.example`)).status).toBe(403);
    } finally {
      await adapter.close();
    }
  });
});

describe('telemetry', () => {
  it('counts events by type, refuses bad and oversized batches', async () => {
    const adapter = await startTestAdapter(testConfig({}), undefined);
    try {
      const send = (body: string) =>
        fetch(`${adapter.url}/api/v1/telemetry`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      const ok = await send(
        JSON.stringify({
          event_session_id: '0f4c1c1e-5a39',
          events: [
            { t: 1, type: 'opened' },
            { t: 2, type: 'hint', value: 'action_hint_move_closer' },
            { t: 3, type: 'hint' },
          ],
        }),
      );
      expect(ok.status).toBe(204);
      expect(
        (await send(JSON.stringify({ event_session_id: '0f4c1c1e-5a39', events: [{ t: 1, type: 'nope' }] })))
          .status,
      ).toBe(400);
      const big = await send(
        JSON.stringify({ event_session_id: 'x'.repeat(10), events: [], pad: 'x'.repeat(70 * 1024) }),
      );
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ code: 'telemetry_too_large' });
      const metrics = await (await fetch(`${adapter.url}/metrics`)).text();
      expect(metrics).toContain('liveness_plugin_events_total{type="hint"} 2');
      expect(metrics).toContain(
        'liveness_http_requests_total{method="POST",route="/api/v1/telemetry",status="204"} 1',
      );
    } finally {
      await adapter.close();
    }
  });
});

describe('debug page, CORS and headers', () => {
  it('serves /debug.php only with debug on, secrets masked', async () => {
    const off = await startTestAdapter(testConfig({}), undefined);
    const on = await startTestAdapter(
      testConfig({ debug: true, api_token: 'very-secret', session_secret: 's'.repeat(40) }),
      undefined,
    );
    try {
      expect((await fetch(`${off.url}/debug.php`)).status).toBe(404);
      const res = await fetch(`${on.url}/debug.php`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).not.toContain('very-secret');
      expect(text).not.toContain('s'.repeat(40));
      expect(JSON.parse(text)).toMatchObject({
        config: { api_token: '***', session_secret: '***' },
        versions: { adapter: '0.1.0' },
      });
    } finally {
      await off.close();
      await on.close();
    }
  });

  it('answers CORS for configured origins only and sets the framing policy', async () => {
    const adapter = await startTestAdapter(
      testConfig({ cors: { origins: ['https://*.shop.example'] }, iframe_allowed: true }),
      undefined,
    );
    const closed = await startTestAdapter(testConfig({}), undefined);
    try {
      const preflight = await fetch(`${adapter.url}/api/v1/sessions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://a.shop.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://a.shop.example');
      const foreign = await fetch(`${adapter.url}/healthz`, { headers: { origin: 'https://evil.example' } });
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
      expect(foreign.headers.get('content-security-policy')).toBe(
        "frame-ancestors 'self' https://*.shop.example",
      );
      expect(foreign.headers.get('x-frame-options')).toBeNull();
      const denied = await fetch(`${closed.url}/healthz`, { headers: { origin: 'https://a.shop.example' } });
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
      expect(denied.headers.get('x-frame-options')).toBe('DENY');
      expect(denied.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await adapter.close();
      await closed.close();
    }
  });
});
