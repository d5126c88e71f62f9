import { describe, expect, it } from 'vitest';
import { formatConfigError } from './codes.js';
import { loadConfig, parseConfig } from './load.js';

const external = { analysis: { embedded: false }, api_url: 'https://api.example.com', api_token: 't0k' };

function ok(file: unknown, env: Record<string, string> = {}, nodeEnv?: string) {
  const r = parseConfig(file, env, { nodeEnv });
  if (!r.ok) throw new Error(formatConfigError(r.error));
  return r;
}

function issues(file: unknown, env: Record<string, string> = {}, nodeEnv?: string) {
  const r = parseConfig(file, env, { nodeEnv });
  if (r.ok) throw new Error('expected failure');
  return r.error.issues;
}

describe('parseConfig', () => {
  it('fills documented defaults for an empty file', () => {
    const { config } = ok({});
    expect(config).toMatchObject({
      architecture: 'normal',
      api_use_token: 'config',
      preinit: 'off',
      result_mode: 'safe',
      results_polling_interval: 1000,
      iframe_allowed: false,
      load_3d_mask: false,
      use_wasm_container: false,
      api_use_session_token: 'api',
      actions_default: { video_count: 1, photo_front: false, photo_back: false },
      analyses: { quality: true, biometry: false, collection_ids: [], documents: false },
      port: 8080,
      analysis: { embedded: true },
      cors: { origins: [] },
      trusted_test_devices: [],
    });
    expect(config.use_for_liveness).toBeUndefined();
    expect(config.video_actions_list).toContain('video_selfie_best');
  });

  it('accepts the illustrative file of the spec', () => {
    const { config } = ok({
      architecture: 'normal',
      api_url: 'https://api.example.com',
      api_token: '<service token>',
      api_use_token: 'config',
      preinit: 'off',
      result_mode: 'safe',
      results_polling_interval: 1000,
      iframe_allowed: false,
      load_3d_mask: false,
      disable_adapter_errors_on_screen: false,
      actions_default_importance: false,
      actions_default: { video_count: 1, photo_front: false, photo_back: false },
      analyses: { quality: true, biometry: false, collection_ids: [] },
      use_wasm_container: false,
    });
    expect(config.api_url).toBe('https://api.example.com');
  });

  it('normalises Python-style booleans and case of enumerations', () => {
    const { config } = ok({
      iframe_allowed: 'True',
      debug: 'False',
      result_mode: 'Folder',
      use_for_liveness: 'false',
    });
    expect(config.iframe_allowed).toBe(true);
    expect(config.debug).toBe(false);
    expect(config.result_mode).toBe('folder');
    // Presence matters for use_for_liveness, so false is kept, not dropped.
    expect(config.use_for_liveness).toBe(false);
  });

  it('reads small polling intervals as seconds and warns', () => {
    const r = ok({ results_polling_interval: 2 });
    expect(r.config.results_polling_interval).toBe(2000);
    expect(r.warnings.map((w) => w.key)).toContain('results_polling_interval');
    expect(ok({ results_polling_interval: '1.5s' }).config.results_polling_interval).toBe(1500);
    expect(ok({ results_polling_interval: '750ms' }).config.results_polling_interval).toBe(750);
  });

  it('drops removed keys with a warning and warns about full mode', () => {
    const r = ok({ lang_allow: ['ru', 'en'], lang_default: 'en', result_mode: 'full' });
    expect(r.warnings.map((w) => w.key).sort()).toEqual(['lang_allow', 'lang_default', 'result_mode']);
  });

  it('accepts extract_action_shot inside analyses and moves it up', () => {
    const r = ok({ analyses: { quality: true, extract_action_shot: 'True' } });
    expect(r.config.extract_action_shot).toBe(true);
  });

  it('parses byte sizes with units', () => {
    expect(ok({ limits: { photo_bytes: '2mb' } }).config.limits.photo_bytes).toBe(2 * 1024 * 1024);
  });

  it('rejects an unknown key, naming it', () => {
    expect(issues({ analyses: { qualty: true } })).toEqual([
      expect.objectContaining({ code: 'config_unknown_key', key: 'analyses.qualty', source: 'file' }),
    ]);
  });

  it('rejects a wrong type, naming the key', () => {
    const found = issues({ iframe_allowed: 'sometimes', port: 'eighty' });
    expect(found.map((i) => [i.code, i.key])).toEqual([
      ['config_invalid_value', 'iframe_allowed'],
      ['config_invalid_value', 'port'],
    ]);
  });

  it('rejects a bad enumeration value', () => {
    expect(issues({ architecture: 'hybrid' })[0]).toMatchObject({
      code: 'config_invalid_value',
      key: 'architecture',
    });
  });

  it('requires api_url and a credential when the analysis service is external', () => {
    const found = issues({ analysis: { embedded: false } });
    expect(found.map((i) => [i.code, i.key, i.envVar])).toEqual([
      ['config_missing_value', 'api_url', 'OZ_ADAPTER_API_URL'],
      ['config_missing_value', 'api_token', 'OZ_ADAPTER_API_TOKEN'],
    ]);
    expect(ok(external).config.api_token).toBe('t0k');
    expect(
      ok({ ...external, api_token: undefined, api_login: 'a@b.c', api_password: 'pw' }).config.api_login,
    ).toBe('a@b.c');
  });

  it('does not require credentials in capture mode or with client tokens', () => {
    ok({ architecture: 'capture', analysis: { embedded: false } });
    ok({ api_use_token: 'client', api_url: 'https://api.example.com', analysis: { embedded: false } });
  });

  it('requires api_password next to api_login', () => {
    expect(issues({ api_login: 'x' })[0]).toMatchObject({
      code: 'config_missing_value',
      key: 'api_password',
    });
  });

  it('refuses trusted_test_devices in production', () => {
    expect(ok({ trusted_test_devices: ['dev-1'] }).config.trusted_test_devices).toEqual(['dev-1']);
    expect(issues({ trusted_test_devices: ['dev-1'] }, {}, 'production')[0]).toMatchObject({
      key: 'trusted_test_devices',
    });
  });

  it('validates CORS origins', () => {
    expect(
      ok({ cors: { origins: ['https://a.example', 'https://*.b.example', 'http://localhost:3000'] } }).config
        .cors,
    ).toBeDefined();
    expect(issues({ cors: { origins: ['https://a.example/path'] } })[0]?.key).toBe('cors.origins.0');
  });

  it('rejects a non-object file', () => {
    expect(issues([1, 2])[0]?.code).toBe('config_file_invalid_json');
  });
});

describe('environment overrides', () => {
  it('wins over the file, with nested keys separated by __', () => {
    const { config } = ok(
      { result_mode: 'safe', analyses: { quality: true, biometry: false } },
      {
        OZ_ADAPTER_RESULT_MODE: 'status',
        OZ_ADAPTER_ANALYSES__BIOMETRY: 'True',
        OZ_ADAPTER_ANALYSES__COLLECTION_IDS: 'c1, c2',
        OZ_ADAPTER_PORT: '9090',
        OZ_ADAPTER_CORS__ORIGINS: '["https://a.example"]',
        UNRELATED: 'x',
      },
    );
    expect(config.result_mode).toBe('status');
    expect(config.analyses).toEqual({
      quality: true,
      biometry: true,
      collection_ids: ['c1', 'c2'],
      documents: false,
    });
    expect(config.port).toBe(9090);
    expect(config.cors.origins).toEqual(['https://a.example']);
  });

  it('accepts a whole object as JSON, the specific variable winning', () => {
    const { config } = ok(
      {},
      {
        OZ_ADAPTER_ACTIONS_DEFAULT: '{"video_count":2,"photo_front":true}',
        OZ_ADAPTER_ACTIONS_DEFAULT__VIDEO_COUNT: '3',
      },
    );
    expect(config.actions_default).toEqual({
      video_count: 3,
      photo_front: true,
      photo_back: false,
      random: false,
    });
  });

  it('names the variable in errors', () => {
    expect(issues({}, { OZ_ADAPTER_DEBUG: 'maybe' })[0]).toMatchObject({
      code: 'config_invalid_value',
      key: 'debug',
      source: 'env',
      envVar: 'OZ_ADAPTER_DEBUG',
    });
    expect(issues({}, { OZ_ADAPTER_ANALYSES__NOPE: '1' })[0]).toMatchObject({
      code: 'config_unknown_key',
      key: 'analyses.nope',
      envVar: 'OZ_ADAPTER_ANALYSES__NOPE',
    });
    expect(issues({}, { OZ_ADAPTER_ANALYSES___X: '1' })[0]?.code).toBe('config_bad_env_name');
  });
});

describe('loadConfig', () => {
  const files: Record<string, string> = {
    '/etc/a.json': JSON.stringify({ debug: true }),
    '/etc/bad.json': '{ "debug": tru',
  };
  const readFile = (p: string) => files[p];

  it('reads the file named by OZ_ADAPTER_CONFIG_PATH', () => {
    const r = loadConfig({ env: { OZ_ADAPTER_CONFIG_PATH: '/etc/a.json' }, readFile });
    expect(r.ok && r.config.debug).toBe(true);
    expect(r.path).toBe('/etc/a.json');
  });

  it('runs on environment alone when the default file is absent', () => {
    const r = loadConfig({ env: { OZ_ADAPTER_DEBUG: 'true' }, readFile });
    expect(r.ok && r.config.debug).toBe(true);
    expect(r.path).toBe('/core/app_config.json');
  });

  it('reports a missing explicit file and invalid JSON as values', () => {
    const missing = loadConfig({ env: {}, path: '/etc/none.json', readFile });
    expect(!missing.ok && missing.error.issues[0]?.code).toBe('config_file_not_found');
    const bad = loadConfig({ env: {}, path: '/etc/bad.json', readFile });
    expect(!bad.ok && bad.error.issues[0]?.code).toBe('config_file_invalid_json');
    const broken = loadConfig({
      env: {},
      readFile: () => {
        throw new Error('EACCES');
      },
    });
    expect(!broken.ok && broken.error.issues[0]?.code).toBe('config_file_unreadable');
  });

  it('formats errors with the key and the variable', () => {
    const r = parseConfig({}, { OZ_ADAPTER_PORT: 'x' });
    expect(!r.ok && formatConfigError(r.error)).toContain('port (from OZ_ADAPTER_PORT)');
  });
});
