import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhook, type WebhookOptions, webhookSignature } from '../src/jobs/webhook.js';
import { isPublicAddress } from '../src/jobs/webhookTarget.js';

describe('webhook targets', () => {
  it('counts only public unicast addresses as public', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111']) expect(isPublicAddress(a)).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254', // cloud metadata
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
      'not-an-ip',
    ])
      expect(isPublicAddress(a), a).toBe(false);
  });
});

describe('webhook delivery', () => {
  const secret = new TextEncoder().encode('shared-webhook-secret');
  const got: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  let port = 0;
  const options = (allowPrivateTargets: boolean): WebhookOptions => ({
    attempts: 3,
    timeoutMs: 2000,
    baseDelayMs: 1,
    secret,
    allowPrivateTargets,
  });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses loopback targets by default, by address and by name, without retrying', async () => {
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
      const out = await deliverWebhook(`http://${host}:${port}/hook`, { a: 1 }, options(false));
      expect(out).toMatchObject({ delivered: false, attempts: 1 });
    }
    expect(got).toHaveLength(0);
  });

  it('signs every call so the receiver can check it', async () => {
    const out = await deliverWebhook(`http://localhost:${port}/hook`, { folder_id: 'f1' }, options(true));
    expect(out).toMatchObject({ delivered: true, status: 200 });
    const call = got.at(-1);
    const ts = call?.headers['x-webhook-timestamp'] as string;
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
    expect(call?.headers['x-webhook-signature']).toBe(webhookSignature(secret, ts, call?.body ?? ''));
    expect(call?.headers['x-webhook-signature']).not.toBe(
      webhookSignature(new TextEncoder().encode('other'), ts, call?.body ?? ''),
    );
  });
});
