import { request } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OzApiClient } from '../api-client/index.js';
import { freshClaims, signSession } from '../session/token.js';
import { startSession, startTestAdapter, TEST_SECRET, type TestAdapter, testConfig } from '../testing/app.js';
import { type HostileRequest, hostileZips, multipart, prng, randomBytes } from './hostile.js';

/*
 * Hostile load against the real adapter on loopback. FUZZ_REQUESTS sets the count (default 300 for
 * the unit run in CI; `pnpm fuzz` sends 10,000). Expected: every request answered with a 4xx (no 5xx,
 * no reset while the client sends), the process healthy, and memory bounded.
 */
const COUNT = Number(process.env.FUZZ_REQUESTS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const CONCURRENCY = 24;

const unusedApi: OzApiClient = new Proxy({} as OzApiClient, {
  get: () => () => {
    throw new Error('no hostile request may reach the analysis API');
  },
});

type Outcome = { status: number } | { error: string };

function send(base: string, r: HostileRequest): Promise<Outcome> {
  const url = new URL(r.path, base);
  return new Promise((resolve) => {
    // Settles when the connection is over, so an error while still sending (EPIPE, ECONNRESET after
    // an early answer) counts even though a status arrived first.
    let status = 0;
    let error: string | null = null;
    const req = request(
      url,
      { method: r.method, headers: { ...r.headers, 'content-length': String(r.body.length) }, agent: false },
      (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        res.on('error', (e: NodeJS.ErrnoException) => {
          error ??= e.code ?? e.message;
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('client timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
    });
    req.on('close', () => resolve(error !== null ? { error } : { status }));
    if (!r.drip) {
      req.end(r.body);
      return;
    }
    const size = Math.ceil(r.body.length / r.drip.pieces);
    let at = 0;
    const tick = () => {
      if (req.destroyed) return;
      const piece = r.body.subarray(at, at + size);
      at += size;
      if (at >= r.body.length) req.end(piece);
      else {
        req.write(piece);
        setTimeout(tick, r.drip?.everyMs ?? 10);
      }
    };
    tick();
  });
}

describe('fuzz: hostile requests against the adapter', () => {
  let adapter: TestAdapter;
  let sessions: string[] = [];
  let frame: Buffer;
  let zips: Record<string, Buffer>;

  beforeAll(async () => {
    adapter = await startTestAdapter(
      testConfig({
        limits: { upload_request_bytes: '2mb', shots_zip_bytes: '1mb', json_body_bytes: '64kb' },
      }),
      unusedApi,
    );
    frame = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#707070' } })
      .jpeg()
      .toBuffer();
    zips = await hostileZips(frame);
    sessions = await Promise.all(
      Array.from({ length: 8 }, async () => (await startSession(adapter.url)).json.session as string),
    );
  });
  afterAll(() => adapter?.close());

  function hostile(i: number, rand: () => number): HostileRequest {
    const session = sessions[i % sessions.length] as string;
    const boundary = `b${Math.floor(rand() * 1e9)}`;
    const form = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const media = (token: string) => `/api/v1/sessions/${token}/media`;
    const manifest = JSON.stringify({
      version: 1,
      media: [{ field: 'video1', action: 'video_selfie_blank', kind: 'shots_set' }],
    });
    const upload = (zip: Buffer) =>
      multipart(boundary, [
        { name: 'manifest', data: manifest },
        { name: 'video1', filename: 'v.zip', type: 'application/zip', data: zip },
      ]);
    const names = Object.keys(zips);
    switch (i % 12) {
      case 0:
        return {
          kind: 'malformed json',
          method: 'POST',
          path: '/api/v1/sessions',
          headers: { 'content-type': 'application/json' },
          body: Buffer.concat([Buffer.from('{"actions":'), randomBytes(rand, 1 + Math.floor(rand() * 200))]),
        };
      case 1:
        return {
          kind: 'json of the wrong shape',
          method: 'POST',
          path: '/api/v1/sessions',
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(JSON.stringify({ actions: [rand(), null, { a: 1 }], meta: 'x'.repeat(70_000) })),
        };
      case 2:
        return {
          kind: 'forged token, large body (early 401)',
          method: 'POST',
          path: media(`ols1.${randomBytes(rand, 24).toString('base64url')}.x`),
          headers: form,
          body: upload(Buffer.alloc(4 * 1024 * 1024 + Math.floor(rand() * 1024 * 1024), 7)),
        };
      case 3: {
        const flipped = session.slice(0, 10) + (session[10] === 'A' ? 'B' : 'A') + session.slice(11);
        return {
          kind: 'tampered token',
          method: 'POST',
          path: media(flipped),
          headers: form,
          body: upload(zips.bomb as Buffer),
        };
      }
      case 4: {
        const old = new Date(Date.now() - 2 * 3600_000);
        const token = signSession(
          TEST_SECRET,
          freshClaims({ sid: 'expired', actions: ['video_selfie_blank'], meta: {} }, old),
        );
        return {
          kind: 'expired token',
          method: 'POST',
          path: media(token),
          headers: form,
          body: upload(frame),
        };
      }
      case 5:
        return {
          kind: 'malformed multipart',
          method: 'POST',
          path: media(session),
          headers: form,
          body: Buffer.concat([
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="manifest"\r\n\r\n`),
            randomBytes(rand, 2000),
          ]),
        };
      case 6:
      case 7:
      case 8: {
        const name = names[Math.floor(rand() * names.length)] as string;
        return {
          kind: `zip: ${name}`,
          method: 'POST',
          path: media(session),
          headers: form,
          body: upload(zips[name] as Buffer),
        };
      }
      case 9:
        return {
          kind: 'oversize body',
          method: 'POST',
          path: media(session),
          headers: form,
          body: upload(Buffer.alloc(3 * 1024 * 1024, Math.floor(rand() * 256))),
        };
      case 10:
        return {
          kind: 'not an image, not a zip',
          method: 'POST',
          path: media(session),
          headers: form,
          body: upload(randomBytes(rand, 4096)),
        };
      default:
        // Every 12th request drips its body; most of them slowly enough to matter, bounded in time.
        return {
          kind: 'slow-dripping body',
          method: 'POST',
          path: media(session),
          headers: form,
          body: upload(zips.traversal as Buffer),
          drip: { pieces: 8, everyMs: 15 },
        };
    }
  }

  it(`answers ${COUNT} hostile requests with 4xx only: no 5xx, no resets, bounded memory`, async () => {
    const rand = prng(SEED);
    const before = process.memoryUsage().rss;
    const byStatus = new Map<string, number>();
    const failures: string[] = [];
    let next = 0;
    let peak = before;
    const worker = async () => {
      while (next < COUNT) {
        const i = next++;
        const r = hostile(i, rand);
        const out = await send(adapter.url, r);
        const key = 'status' in out ? String(out.status) : out.error;
        byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
        if (!('status' in out) || out.status < 400 || out.status >= 500)
          failures.push(`#${i} ${r.kind}: ${key}`);
        if (i % 100 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const growthMb = (peak - before) / 1024 / 1024;
    if (process.env.FUZZ_REPORT)
      console.log({ count: COUNT, byStatus: Object.fromEntries(byStatus), growthMb });
    expect(failures.slice(0, 10)).toEqual([]);
    expect((await fetch(`${adapter.url}/healthz`)).status).toBe(200);
    expect(growthMb).toBeLessThan(400);
  }, 600_000);
});
