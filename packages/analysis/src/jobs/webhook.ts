/**
 * Delivers a folder to its `resolution_endpoint`. The spec leaves method and retries open; we
 * POST the folder JSON and retry up to `attempts` times with jittered backoff, since the
 * receiver is usually the customer's backend and may blip.
 */
export interface WebhookOptions {
  attempts: number;
  timeoutMs: number;
  baseDelayMs: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { attempts: 3, timeoutMs: 5000, baseDelayMs: 500 };

export type WebhookOutcome =
  | { delivered: true; status: number; attempts: number }
  | { delivered: false; error: string; attempts: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function deliverWebhook(
  url: string,
  body: unknown,
  options: WebhookOptions,
): Promise<WebhookOutcome> {
  let lastError = 'not attempted';
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'open-liveness-analysis' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (res.ok) return { delivered: true, status: res.status, attempts: attempt };
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = (e as Error).message;
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
