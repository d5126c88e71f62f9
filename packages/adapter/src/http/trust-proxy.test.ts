import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/index.js';
import { startTestAdapter, testConfig } from '../testing/app.js';

async function sessionFrom(url: string, forwardedFor: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ event_session_id: '0f4c1c1e-5a39-4d5e-9a8c-2b2f6d1b7e11' }),
  });
  await res.body?.cancel();
  return res.status;
}

describe('trust_proxy', () => {
  it('accepts names, addresses and CIDR ranges and refuses anything else', () => {
    const ok = parseConfig({}, { OZ_ADAPTER_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7' });
    expect(ok.ok && ok.config.trust_proxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
    const bad = parseConfig({ trust_proxy: ['10.0.0.0/33', 'everyone'] }, {});
    expect(bad.ok ? [] : bad.error.issues.map((i) => i.key)).toEqual(['trust_proxy.0', 'trust_proxy.1']);
    const dflt = parseConfig({}, {});
    expect(dflt.ok && dflt.config.trust_proxy).toEqual(['loopback']);
  });

  it('counts the forwarded client of a trusted proxy, and the proxy itself otherwise', async () => {
    const limits = { rate_limits: { sessions: 1 } };
    // The test talks from 127.0.0.1: trusted by default, so each forwarded client has its own count.
    const trusted = await startTestAdapter(testConfig(limits), undefined);
    // Only 10.0.0.0/8 trusted: the header from 127.0.0.1 is ignored and both requests are one client.
    const untrusted = await startTestAdapter(
      testConfig({ ...limits, trust_proxy: ['10.0.0.0/8'] }),
      undefined,
    );
    try {
      expect([
        await sessionFrom(trusted.url, '198.51.100.1'),
        await sessionFrom(trusted.url, '198.51.100.2'),
      ]).toEqual([200, 200]);
      expect([
        await sessionFrom(untrusted.url, '198.51.100.1'),
        await sessionFrom(untrusted.url, '198.51.100.2'),
      ]).toEqual([200, 429]);
    } finally {
      await trusted.close();
      await untrusted.close();
    }
  });
});
