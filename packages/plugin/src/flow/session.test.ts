import { describe, expect, it, vi } from 'vitest';
import { info } from '../../test/session-fixtures.js';
import { normalizeOptions, type OpenOptions } from '../options.js';
import { LivenessSession } from './session.js';
import type { SessionEnv } from './session-config.js';
import type { SessionEffect, SessionEvent } from './session-types.js';

const env = (fetchImpl: typeof fetch, over: Partial<SessionEnv['location']> = {}): SessionEnv => ({
  location: {
    href: 'https://shop.test/',
    origin: 'https://shop.test',
    protocol: 'https:',
    hostname: 'shop.test',
    ...over,
  },
  fetch: fetchImpl,
  window: {
    isSecureContext: over.protocol !== 'http:',
    self: globalThis as never,
    top: globalThis as never,
    navigator: { userAgent: 'Chrome/130' } as Navigator,
  },
});

const I_O: ReadonlySet<SessionEffect['type']> = new Set([
  'open-capture',
  'run-action',
  'release-capture',
  'check-capture',
  'upload',
  'fetch-result',
  'seal',
  'switch-camera',
]);

/** The real driver with the camera, worker and upload stood in for: they only record that they were asked. */
class TestSession extends LivenessSession {
  readonly asked: string[] = [];
  protected override perform(e: SessionEffect): void {
    if (I_O.has(e.type)) {
      this.asked.push(e.type);
      return;
    }
    super.perform(e);
  }
}

function session(options: OpenOptions, fetchImpl: typeof fetch, over: Partial<SessionEnv['location']> = {}) {
  const calls: string[] = [];
  const record = (name: string) => () => calls.push(name);
  const opts = normalizeOptions({
    on_error: (e: { code: string }) => calls.push(`on_error:${e.code}`),
    on_close: record('on_close'),
    on_submit: record('on_submit'),
    on_result: record('on_result'),
    on_complete: record('on_complete'),
    on_capture_complete: record('on_capture_complete'),
    ...options,
  }).options;
  const ended = vi.fn(() => calls.push('ended'));
  const s = new TestSession(opts, {
    base: 'https://adapter.test/',
    urls: { workerUrl: '', wasmBaseUrl: '', modelUrl: '' },
    packWorkerUrl: '',
    translate: (k) => k,
    onEnded: ended,
    env: env(fetchImpl, over),
  });
  return { s, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const ok = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));

describe('session driver: a failed session request (issue 8 item 3)', () => {
  const cases: Array<[string, typeof fetch, string]> = [
    ['network error / CORS', () => Promise.reject(new TypeError('Failed to fetch')), 'adapter_unreachable'],
    ['404', () => Promise.resolve(new Response('no', { status: 404 })), 'session_rejected'],
    [
      '403 with a licence code',
      () =>
        Promise.resolve(new Response(JSON.stringify({ code: 'license_origin_mismatch' }), { status: 403 })),
      'license_origin_mismatch',
    ],
    ['503', () => Promise.resolve(new Response('down', { status: 503 })), 'api_unavailable'],
  ];
  for (const [name, f, code] of cases) {
    it(`${name} → on_error ${code}, camera never opened`, async () => {
      const { s, calls } = session({}, f);
      s.run();
      await flush();
      await flush();
      expect(calls).toEqual([`on_error:${code}`]);
      expect(s.asked).not.toContain('open-capture');
      expect(s.current.phase).toBe('failed');
    });
  }

  it('the request goes through the injected fetch with the page origin', async () => {
    const f = vi.fn((_url: string, _init?: RequestInit) => ok(info()));
    const { s } = session({}, f as unknown as typeof fetch);
    s.run();
    await flush();
    expect(f.mock.calls[0]?.[0]).toBe('https://adapter.test/api/v1/sessions');
    expect(JSON.parse(String(f.mock.calls[0]?.[1]?.body)).origin).toBe('https://shop.test');
    await flush();
    expect(s.asked).toContain('open-capture');
  });

  it('plain http on a named host: insecure_context through on_error, no request, no throw', () => {
    const f = vi.fn();
    const { s, calls } = session({}, f as unknown as typeof fetch, {
      protocol: 'http:',
      origin: 'http://shop.test',
    });
    expect(() => s.run()).not.toThrow();
    expect(calls).toEqual(['on_error:insecure_context']);
    expect(f).not.toHaveBeenCalled();
  });

  it('plain http on 127.0.0.1 is allowed', async () => {
    const f = vi.fn(() => ok(info()));
    const { s } = session({}, f as unknown as typeof fetch, { protocol: 'http:', hostname: '127.0.0.1' });
    s.run();
    await flush();
    expect(f).toHaveBeenCalled();
  });
});

/** Drives a session to "uploading" through its own dispatch loop. */
async function uploading(options: OpenOptions) {
  const r = session(options, () => ok(info()));
  r.s.run();
  await flush();
  await flush();
  const a = r.s.current.attempt;
  const events: SessionEvent[] = [
    {
      type: 'camera-opened',
      attempt: a,
      video: {} as HTMLVideoElement,
      width: 640,
      height: 480,
      deviceId: null,
      facing: 'user',
      cameras: [],
    },
    { type: 'vision-ready', attempt: a },
    {
      type: 'action-captured',
      attempt: a,
      captured: {
        clip: { action: 'video_selfie_blank', frames: [], bestIndex: 0, bestPng: null },
        additionalInfo: '',
      },
      pageResult: {},
    },
  ];
  for (const ev of events) r.s.dispatch(ev);
  r.s.dispatch({ type: 'timer', attempt: a, name: 'confirm' });
  r.s.dispatch({ type: 'checked', attempt: a });
  expect(r.s.current.phase).toBe('uploading');
  return r;
}

describe('session driver: close() inside a callback (issue 8 item 4)', () => {
  it('close() in on_submit: no on_result, no on_complete, no polling; on_close once, after ended', async () => {
    let s: LivenessSession | null = null;
    const r = await uploading({ on_submit: () => s?.close() });
    s = r.s;
    r.s.dispatch({ type: 'uploaded', attempt: r.s.current.attempt, result: { state: 'processing' } });
    expect(r.calls).toEqual(['on_capture_complete', 'ended', 'on_close']);
    expect(r.s.asked).not.toContain('fetch-result');
  });

  it('close() in on_result("processing"): no on_complete and no further polls', async () => {
    vi.useFakeTimers();
    try {
      let s: LivenessSession | null = null;
      const r = await (async () => {
        vi.useRealTimers();
        const x = await uploading({ on_result: () => s?.close() });
        vi.useFakeTimers();
        return x;
      })();
      s = r.s;
      r.s.dispatch({ type: 'uploaded', attempt: r.s.current.attempt, result: { state: 'processing' } });
      vi.advanceTimersByTime(10_000);
      expect(r.s.asked).not.toContain('fetch-result');
      expect(r.calls.filter((c) => c === 'on_complete')).toHaveLength(0);
      expect(r.calls.filter((c) => c === 'on_close')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('close() in on_capture_complete: the upload never starts', async () => {
    let s: LivenessSession | null = null;
    const r = session({ on_capture_complete: () => s?.close() }, () => ok(info()));
    s = r.s;
    r.s.run();
    await flush();
    await flush();
    const a = r.s.current.attempt;
    r.s.dispatch({
      type: 'camera-opened',
      attempt: a,
      video: {} as HTMLVideoElement,
      width: 640,
      height: 480,
      deviceId: null,
      facing: 'user',
      cameras: [],
    });
    r.s.dispatch({ type: 'vision-ready', attempt: a });
    r.s.dispatch({
      type: 'action-captured',
      attempt: a,
      captured: {
        clip: { action: 'video_selfie_blank', frames: [], bestIndex: 0, bestPng: null },
        additionalInfo: '',
      },
      pageResult: {},
    });
    r.s.dispatch({ type: 'timer', attempt: a, name: 'confirm' });
    expect(r.s.current.phase).toBe('closed');
    expect(r.s.asked).not.toContain('upload');
    expect(r.calls).toEqual(['ended', 'on_close']);
  });

  it('on_result sees the final finished state before on_complete', async () => {
    const r = await uploading({});
    r.s.dispatch({ type: 'uploaded', attempt: r.s.current.attempt, result: { state: 'finished' } });
    expect(r.calls).toEqual(['on_capture_complete', 'on_submit', 'on_result', 'on_complete']);
  });

  it('disable_adapter_errors_on_screen: a server failure reaches on_error, then the single on_close', async () => {
    const r = session({}, () => ok(info({ disable_adapter_errors_on_screen: true })));
    r.s.run();
    await flush();
    await flush();
    r.s.dispatch({
      type: 'failed',
      attempt: r.s.current.attempt,
      failure: { code: 'api_unavailable', detail: 'down', context: {} },
    });
    expect(r.calls).toEqual(['on_error:api_unavailable', 'ended', 'on_close']);
  });

  it('a callback that throws does not break the session', async () => {
    const r = await uploading({
      on_submit: () => {
        throw new Error('page bug');
      },
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    r.s.dispatch({ type: 'uploaded', attempt: r.s.current.attempt, result: { state: 'finished' } });
    spy.mockRestore();
    expect(r.calls).toContain('on_complete');
  });
});
