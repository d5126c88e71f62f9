import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OzApiClient } from '../api-client/index.js';
import { startSession, startTestAdapter, type TestAdapter, testConfig } from '../testing/app.js';
import { postContainer, sealClips } from '../testing/container.js';

/** Container refusals through the route. They all happen before the API, so no models are needed. */

const unusedApi: OzApiClient = new Proxy({} as OzApiClient, {
  get: () => () => {
    throw new Error('the API must not be called for a refused container');
  },
});

const ACTION = 'video_selfie_blank';
const t0 = new Date('2026-06-01T12:00:00Z');

describe('sealed container refusals (api_use_session_token: api)', () => {
  let adapter: TestAdapter;
  let frame: Buffer;
  let clock = t0.getTime();

  async function sealedSession(): Promise<{
    session: string;
    bytes: Uint8Array;
    answer: Record<string, unknown>;
  }> {
    const s = await startSession(adapter.url, { actions: [ACTION] });
    expect(s.status).toBe(200);
    const bytes = await sealClips(
      [{ action: ACTION, frames: [frame, frame] }],
      s.json.session_token as string,
      s.json.container_public_key as string,
    );
    return { session: s.json.session as string, bytes, answer: s.json };
  }

  beforeAll(async () => {
    frame = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    adapter = await startTestAdapter(testConfig({ use_wasm_container: true }), unusedApi, {
      now: () => new Date(clock),
    });
  });
  afterAll(() => adapter.close());

  it('answers the session with the key and a single-use token', async () => {
    const { answer } = await sealedSession();
    expect(answer.use_wasm_container).toBe(true);
    expect(answer.container_public_key).toMatch(/^[A-Za-z0-9+/]{86}[A-Za-z0-9+/=]{2}$/);
    expect(String(answer.session_token).split('.')).toHaveLength(3);
  });

  it('refuses a flipped byte (container_tampered) and garbage (container_malformed)', async () => {
    const { session, bytes } = await sealedSession();
    const tampered = Uint8Array.from(bytes);
    tampered[tampered.length - 40] = (tampered[tampered.length - 40] ?? 0) ^ 1;
    expect(await postContainer(adapter.url, session, tampered)).toMatchObject({
      status: 422,
      body: { code: 'container_tampered' },
    });
    expect(await postContainer(adapter.url, session, new TextEncoder().encode('hello'))).toMatchObject({
      status: 400,
      body: { code: 'container_malformed' },
    });
  });

  it("refuses another session's container (container_token_mismatch)", async () => {
    const a = await sealedSession();
    const b = await sealedSession();
    expect(await postContainer(adapter.url, a.session, b.bytes)).toMatchObject({
      status: 403,
      body: { code: 'container_token_mismatch' },
    });
  });

  it('refuses a container whose token expired (container_token_expired)', async () => {
    const { session, bytes } = await sealedSession();
    clock += (300 + 31) * 1000; // TTL plus the 30 s clock-skew allowance; the session itself lives 30 min
    try {
      expect(await postContainer(adapter.url, session, bytes)).toMatchObject({
        status: 401,
        body: { code: 'container_token_expired' },
      });
    } finally {
      clock = t0.getTime();
    }
  });

  it('refuses other bodies and counts refusals in /metrics', async () => {
    const { session } = await sealedSession();
    const wrongType = await fetch(`${adapter.url}/api/v1/sessions/${session}/container`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ code: 'upload_unsupported_type' });
    const metrics = await (await fetch(`${adapter.url}/metrics`)).text();
    expect(metrics).toMatch(/liveness_containers_total\{outcome="rejected",code="container_tampered"\} 1/);
    expect(metrics).toMatch(/liveness_uploads_total\{outcome="rejected",code="container_token_mismatch"\} 1/);
  });

  it('has no session-token endpoint in api mode', async () => {
    const res = await fetch(`${adapter.url}/api/authorize/session_token`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'session_token_disabled' });
  });
});

describe('sealed container: api_use_session_token client, container off, capture', () => {
  const BACKEND_KEY = 'backend-key-for-session-tokens';

  it('issues tokens to the backend key only and refuses forged token ids', async () => {
    const adapter = await startTestAdapter(
      testConfig({
        use_wasm_container: true,
        api_use_session_token: 'client',
        session_token_key: BACKEND_KEY,
      }),
      unusedApi,
    );
    try {
      const denied = await fetch(`${adapter.url}/api/authorize/session_token`, {
        headers: { 'x-forensic-access-token': 'wrong-key-wrong-key' },
      });
      expect(denied.status).toBe(401);
      expect(await denied.json()).toMatchObject({ code: 'session_token_unauthorized' });
      const granted = await fetch(`${adapter.url}/api/authorize/session_token`, {
        headers: { authorization: `Bearer ${BACKEND_KEY}` },
      });
      expect(granted.status).toBe(200);
      expect(granted.headers.get('cache-control')).toBe('no-store');
      const { session_token } = (await granted.json()) as { session_token: string };

      const s = await startSession(adapter.url, { actions: [ACTION] });
      expect(s.json).toMatchObject({ use_wasm_container: true, session_token: null });
      const frame = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#777' } })
        .jpeg()
        .toBuffer();
      // A token of the right shape signed by someone else: its id does not authenticate.
      const [h, , sig] = session_token.split('.');
      const forgedClaims = Buffer.from(
        JSON.stringify({
          jti: 'AAAAAAAAAAAAAAAAAAAAAA.1.9999999999.AAAAAAAAAAAAAAAAAAAAAA',
          iat: 1,
          exp: 9999999999,
          aud: 'open-liveness:container',
        }),
      ).toString('base64url');
      const forged = await sealClips(
        [{ action: ACTION, frames: [frame] }],
        `${h}.${forgedClaims}.${sig}`,
        s.json.container_public_key as string,
      );
      expect(await postContainer(adapter.url, s.json.session as string, forged)).toMatchObject({
        status: 401,
        body: { code: 'container_token_invalid' },
      });
    } finally {
      await adapter.close();
    }
  });

  it('refuses to start client mode without a backend key', () => {
    expect(() => testConfig({ use_wasm_container: true, api_use_session_token: 'client' })).toThrow(
      /session_token_key/,
    );
  });

  it('says use_wasm_container false and refuses /container when the container is off', async () => {
    const adapter = await startTestAdapter(testConfig({}), unusedApi);
    try {
      const s = await startSession(adapter.url, { actions: [ACTION] });
      expect(s.json).toMatchObject({ use_wasm_container: false, container_public_key: null });
      expect(s.json.session_token).toBeNull();
      expect(await postContainer(adapter.url, s.json.session as string, new Uint8Array(8))).toMatchObject({
        status: 409,
        body: { code: 'container_disabled' },
      });
    } finally {
      await adapter.close();
    }
  });

  it('answers 409 capture_architecture in capture architecture', async () => {
    const adapter = await startTestAdapter(
      testConfig({ architecture: 'capture', use_wasm_container: true }),
      undefined,
    );
    try {
      const s = await startSession(adapter.url, { actions: [ACTION] });
      expect(s.json.use_wasm_container).toBe(true);
      expect(await postContainer(adapter.url, s.json.session as string, new Uint8Array(8))).toMatchObject({
        status: 409,
        body: { code: 'capture_architecture' },
      });
    } finally {
      await adapter.close();
    }
  });
});
