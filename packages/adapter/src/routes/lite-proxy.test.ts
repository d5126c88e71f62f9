import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAdapter, type TestAdapter, testConfig } from '../testing/app.js';

/** The `architecture: lite` passthrough (`/api/instant/*` → api_url) against a recording upstream. */

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Raw HTTP, so that bodies can be sent in pieces and answers read as they arrive. */
function send(
  url: string,
  init: { method: string; headers?: Record<string, string | number> },
): { req: ReturnType<typeof request>; res: Promise<IncomingMessage> } {
  const req = request(url, { method: init.method, headers: init.headers ?? {} });
  const res = once(req, 'response').then(([r]) => r as IncomingMessage);
  return { req, res };
}

async function text(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

describe('lite passthrough (/api/instant/*)', () => {
  const seen: Seen[] = [];
  let handler: Handler | undefined;
  let upstreamUrl = '';
  const upstream = createServer((req, res) => {
    if (handler) return handler(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes' });
      res.end(JSON.stringify({ folder_id: 'tmp-1', resolution_status: 'FINISHED' }));
    });
  });
  let adapter: TestAdapter;

  beforeAll(async () => {
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    adapter = await startTestAdapter(
      testConfig({
        architecture: 'lite',
        analysis: { embedded: false },
        api_url: upstreamUrl,
        api_token: 'adapter-own-token',
        api_timeout_ms: 400,
        limits: { upload_request_bytes: 1024 },
      }),
      undefined,
    );
  });
  afterAll(async () => {
    await adapter?.close();
    upstream.closeAllConnections();
    await new Promise<void>((r) => upstream.close(() => r()));
  });

  it('forwards method, path, query, headers and body unchanged, and the answer back', async () => {
    seen.length = 0;
    const body = '--b\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{"analyses":[]}\r\n--b--\r\n';
    const res = await fetch(`${adapter.url}/api/instant/folders/?x=1`, {
      method: 'POST',
      headers: {
        'X-Forensic-Access-Token': 'callers-token',
        'content-type': 'multipart/form-data; boundary=b',
        'x-custom': 'kept',
      },
      body,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-upstream')).toBe('yes');
    expect(await res.json()).toEqual({ folder_id: 'tmp-1', resolution_status: 'FINISHED' });
    const patched = await fetch(`${adapter.url}/api/instant/folders/abc`, { method: 'PATCH', body: 'xyz' });
    expect(patched.status).toBe(201);

    expect(seen).toHaveLength(2);
    const [post, patch] = seen;
    expect(post).toMatchObject({ method: 'POST', url: '/api/instant/folders/?x=1' });
    expect(post?.body.toString()).toBe(body);
    expect(post?.headers).toMatchObject({
      'x-forensic-access-token': 'callers-token',
      'content-type': 'multipart/form-data; boundary=b',
      'x-custom': 'kept',
      'content-length': String(Buffer.byteLength(body)),
      host: new URL(upstreamUrl).host,
    });
    expect(patch).toMatchObject({ method: 'PATCH', url: '/api/instant/folders/abc' });
    expect(patch?.body.toString()).toBe('xyz');
    // The adapter never lends its own token to the passthrough.
    expect(JSON.stringify(seen.map((s) => s.headers))).not.toContain('adapter-own-token');
  });

  it('streams the request body and the answer instead of buffering them', async () => {
    let firstPart: (v: string) => void = () => {};
    const gotFirstPart = new Promise<string>((r) => {
      firstPart = r;
    });
    let finishAnswer: () => void = () => {};
    handler = (req, res) => {
      req.once('data', (c: Buffer) => firstPart(c.toString()));
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('head;');
      finishAnswer = () => {
        req.resume();
        req.on('end', () => res.end('tail'));
      };
    };
    try {
      const { req, res } = send(`${adapter.url}/api/instant/folders/`, {
        method: 'POST',
        headers: { 'content-length': 10 },
      });
      req.write('12345');
      // The upstream sees the first half while the second has not been written yet.
      expect(await gotFirstPart).toBe('12345');
      const answer = await res;
      expect(answer.statusCode).toBe(200);
      // And the first part of the answer reaches the caller before the upstream has finished it.
      const [head] = (await once(answer, 'data')) as [Buffer];
      expect(head.toString()).toBe('head;');
      finishAnswer();
      req.end('67890');
      expect(await text(answer)).toBe('tail');
    } finally {
      handler = undefined;
    }
  });

  it('refuses bodies above the limit or without a length, before anything reaches the upstream', async () => {
    seen.length = 0;
    const big = await fetch(`${adapter.url}/api/instant/folders/`, {
      method: 'POST',
      body: 'x'.repeat(1025),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'request_too_large' });

    const { req, res } = send(`${adapter.url}/api/instant/folders/`, {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
    });
    req.end('small');
    const chunked = await res;
    expect(chunked.statusCode).toBe(411);
    expect(JSON.parse(await text(chunked))).toMatchObject({ code: 'length_required' });

    const fits = await fetch(`${adapter.url}/api/instant/folders/`, {
      method: 'POST',
      body: 'x'.repeat(1024),
    });
    expect(fits.status).toBe(201);
    expect(seen.map((s) => s.body.length)).toEqual([1024]);
  });

  it('gives up on a slow upstream after api_timeout_ms, and proxies nothing outside /api/instant/', async () => {
    handler = () => {}; // never answers
    try {
      const started = Date.now();
      const res = await fetch(`${adapter.url}/api/instant/folders/`, { method: 'POST', body: 'x' });
      expect(res.status).toBe(504);
      expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    } finally {
      handler = undefined;
    }
    seen.length = 0;
    const other = await fetch(`${adapter.url}/api/folders/`, { method: 'POST', body: 'x' });
    expect(other.status).toBe(404);
    expect(seen).toEqual([]);
  });
});
