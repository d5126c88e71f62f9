import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startSession, startTestAdapter, testConfig } from '../testing/app.js';
import { createAdapterLogger, redactPath } from './log-redaction.js';

function memoryLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createAdapterLogger(stream), text: () => lines.join('') };
}

describe('log redaction', () => {
  it('replaces the session token of a path with :session', () => {
    expect(redactPath('/api/v1/sessions/ols1.abc.def/media')).toBe('/api/v1/sessions/:session/media');
    expect(redactPath('/api/v1/sessions')).toBe('/api/v1/sessions');
  });

  it('censors token fields wherever they are logged', () => {
    const { log, text } = memoryLog();
    log.info({
      token: 't1',
      session: 's1',
      nested: { api_token: 't2', headers: { authorization: 'Bearer b' } },
    });
    const out = text();
    for (const secret of ['t1', 's1', 't2', 'Bearer b']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('a whole session leaves no session token in the request log', async () => {
    const { log, text } = memoryLog();
    const adapter = await startTestAdapter(testConfig({}), undefined, { log });
    try {
      const { json } = await startSession(adapter.url);
      const token = String(json.session);
      expect(token).toMatch(/^ols2\./);
      await fetch(`${adapter.url}/api/v1/sessions/${token}/result`);
      await fetch(`${adapter.url}/api/v1/sessions/${token}/media`, { method: 'POST', body: 'x' });
      await new Promise((r) => setTimeout(r, 50));
      const out = text();
      expect(out).toContain('/api/v1/sessions/:session/result');
      expect(out).not.toContain(token);
      expect(out).not.toContain(token.split('.')[1]);
    } finally {
      await adapter.close();
    }
  });
});
