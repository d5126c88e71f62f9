import { describe, expect, it } from 'vitest';
import { loadAdapterConfig, withLegacyAliases } from './load-config.js';

describe('runtime configuration', () => {
  it('keeps PORT and HOST as aliases below the prefixed variables', () => {
    expect(withLegacyAliases({ PORT: '9000', HOST: '0.0.0.0' })).toMatchObject({
      OZ_ADAPTER_PORT: '9000',
      OZ_ADAPTER_HOST: '0.0.0.0',
    });
    expect(withLegacyAliases({ PORT: '9000', OZ_ADAPTER_PORT: '9100' }).OZ_ADAPTER_PORT).toBe('9100');
    const loaded = loadAdapterConfig({ PORT: '9000', OZ_ADAPTER_CONFIG_PATH: undefined });
    expect(loaded.ok && loaded.config.port).toBe(9000);
  });

  it('defaults to the whole product on loopback: normal, embedded analysis, safe results', () => {
    const loaded = loadAdapterConfig({});
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    expect(loaded.config).toMatchObject({
      architecture: 'normal',
      result_mode: 'safe',
      host: '127.0.0.1',
      analysis: { embedded: true, port: 0 },
    });
  });

  it('names the key of an invalid value', () => {
    const loaded = loadAdapterConfig({ PORT: 'eighty' });
    expect(loaded.ok ? [] : loaded.error.issues.map((i) => [i.key, i.envVar])).toEqual([
      ['port', 'OZ_ADAPTER_PORT'],
    ]);
    const lite = loadAdapterConfig({
      OZ_ADAPTER_ARCHITECTURE: 'lite',
      OZ_ADAPTER_API_URL: 'https://api.example',
    });
    // lite runs on the embedded service too (its Instant API), so it is no longer refused at start.
    expect(lite.ok).toBe(true);
  });
});
