import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPublicAddress } from './webhookTarget.js';

/**
 * Delivers a folder to its `resolution_endpoint`. The spec leaves method and retries open; we
 * POST the folder JSON and retry up to `attempts` times with jittered backoff, since the
 * receiver is usually the customer's backend and may blip. Every call is signed (docs/analysis-service.md
 * "Webhooks"): `X-Webhook-Timestamp` (Unix seconds) and `X-Webhook-Signature: sha256=<hex HMAC-SHA-256
 * of "<timestamp>.<body>">` with the shared webhook secret.
 */
export interface WebhookOptions {
  attempts: number;
  timeoutMs: number;
  baseDelayMs: number;
  /** HMAC key shared with the receivers. */
  secret: Uint8Array;
  /** Allow loopback and private targets (development, or a receiver on the private network). */
  allowPrivateTargets: boolean;
}

export type WebhookOutcome =
  | { delivered: true; status: number; attempts: number }
  | { delivered: false; error: string; attempts: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const SIGNATURE_HEADER = 'x-webhook-signature';
export const TIMESTAMP_HEADER = 'x-webhook-timestamp';

/** The signature a receiver recomputes: hex HMAC-SHA-256 over `<timestamp>.<raw body>`. */
export function webhookSignature(secret: Uint8Array, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function post(url: URL, body: string, options: WebhookOptions): Promise<number> {
  // An IP literal skips the lookup, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !options.allowPrivateTargets && !isPublicAddress(literal)) {
    const e: NodeJS.ErrnoException = new Error(`webhook target ${literal} is not a public address`);
    e.code = 'EWEBHOOKTARGET';
    return Promise.reject(e);
  }
  const timestamp = String(Math.floor(Date.now() / 1000));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'open-liveness-analysis',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: webhookSignature(options.secret, timestamp, body),
        },
        lookup: guardedLookup(options.allowPrivateTargets),
        timeout: options.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

export async function deliverWebhook(
  url: string,
  body: unknown,
  options: WebhookOptions,
): Promise<WebhookOutcome> {
  const json = JSON.stringify(body);
  let lastError = 'not attempted';
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      const status = await post(new URL(url), json, options);
      if (status >= 200 && status < 300) return { delivered: true, status, attempts: attempt };
      lastError = `HTTP ${status}`;
    } catch (e) {
      lastError = (e as Error).message;
      // A refused target stays refused: retrying would only repeat the lookup.
      if ((e as NodeJS.ErrnoException).code === 'EWEBHOOKTARGET')
        return { delivered: false, error: lastError, attempts: attempt };
    }
    if (attempt < options.attempts)
      await sleep(options.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
  }
  return { delivered: false, error: lastError, attempts: options.attempts };
}

/** Only http(s) URLs are accepted as endpoints. */
export function isWebhookUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
