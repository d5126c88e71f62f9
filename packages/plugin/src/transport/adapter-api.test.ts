import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LivenessFailure } from '../errors/codes.js';
import { startSession } from './adapter-api.js';

const BASE = 'http://adapter.test/';
const request = { event_session_id: '0f4c1c1e-5a39-4d5e-9a8c-2b2f6d1b7e11', meta: {} };

async function failure(promise: Promise<unknown>): Promise<LivenessFailure> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LivenessFailure) return err;
    throw err;
  }
  throw new Error('the session request did not fail');
}

const answer = (status: number, body: unknown) => () =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

describe('startSession: a failed session request is an error, never capture-only', () => {
  beforeEach(() => vi.stubGlobal('location', { origin: 'http://page.test' }));
  afterEach(() => vi.unstubAllGlobals());

  it('no answer (network error or CORS) → adapter_unreachable, reason network', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const f = await failure(startSession(BASE, request, new AbortController().signal));
    expect(f.code).toBe('adapter_unreachable');
    expect(f.context).toMatchObject({ reason: 'network', adapter: BASE });
  });

  it('the origin policy’s refusals keep their codes', async () => {
    for (const code of [
      'license_missing',
      'license_origin_mismatch',
      'origin_not_allowed',
      'license_expired',
    ]) {
      vi.stubGlobal('fetch', answer(403, { code, message: 'refused' }));
      expect((await failure(startSession(BASE, request, new AbortController().signal))).code).toBe(code);
    }
  });

  it('any other 4xx (404 included) → session_rejected; 5xx → api_unavailable', async () => {
    vi.stubGlobal('fetch', answer(404, { code: 'not_found', message: 'no such resource' }));
    const missing = await failure(startSession(BASE, request, new AbortController().signal));
    expect(missing.code).toBe('session_rejected');
    expect(missing.context).toMatchObject({ status: 404, adapter_code: 'not_found' });
    vi.stubGlobal('fetch', answer(400, { code: 'session_action_not_allowed', message: 'no' }));
    expect((await failure(startSession(BASE, request, new AbortController().signal))).code).toBe(
      'session_rejected',
    );
    vi.stubGlobal('fetch', answer(502, { code: 'api_bad_gateway', message: 'down' }));
    expect((await failure(startSession(BASE, request, new AbortController().signal))).code).toBe(
      'api_unavailable',
    );
  });

  it('a closed session aborts the request without reporting it', async () => {
    const ctl = new AbortController();
    vi.stubGlobal('fetch', (_u: string, init: RequestInit) => {
      ctl.abort();
      return Promise.reject(init.signal?.reason ?? new DOMException('aborted', 'AbortError'));
    });
    await expect(startSession(BASE, request, ctl.signal)).rejects.not.toBeInstanceOf(LivenessFailure);
  });

  it('sends the page origin and no credentials', async () => {
    const seen: RequestInit[] = [];
    vi.stubGlobal('fetch', (_u: string, init: RequestInit) => {
      seen.push(init);
      return answer(200, { session: 's', architecture: 'normal' })();
    });
    expect(await startSession(BASE, request, new AbortController().signal)).toMatchObject({ session: 's' });
    expect(seen[0]?.credentials).toBe('omit');
    expect(JSON.parse(String(seen[0]?.body))).toMatchObject({ origin: 'http://page.test' });
  });
});
