import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLicenseKeyPair, importLicensePrivateKey, issueLicense } from '../licensing/index.js';
import { startTestAdapter, testConfig } from '../testing/app.js';

/** Embedding from another origin: plugin assets for any page, and the API's licence-derived origin policy. */

const keys = generateLicenseKeyPair();
const signing = importLicensePrivateKey(keys.privateKeyPem);
function license(origins: string[]) {
  if (signing === null) throw new Error('key');
  const issued = issueLicense(signing, {
    licensee: 'Shop',
    origins,
    expires: new Date(Date.now() + 86_400_000),
  });
  if (!issued.ok) throw new Error(issued.message);
  return issued.value;
}

const post = (url: string, origin: string | null, body: Record<string, unknown> = {}) =>
  fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify(body),
  });

describe('plugin assets', () => {
  it('are readable and embeddable by any page, exactly typed, revalidated by a strong ETag', async () => {
    // An install of its own: unit tests run before the build, so the real bundle may not exist yet.
    const root = mkdtempSync(join(tmpdir(), 'ol-assets-'));
    const pluginDir = join(root, 'plugin');
    const assetsDir = join(root, 'assets');
    mkdirSync(pluginDir, { recursive: true });
    mkdirSync(join(assetsDir, 'models'), { recursive: true });
    mkdirSync(join(assetsDir, 'wasm'), { recursive: true });
    mkdirSync(join(assetsDir, 'ort'), { recursive: true });
    writeFileSync(join(pluginDir, 'plugin_liveness.js'), 'window.OzLiveness = {};\n');
    writeFileSync(join(pluginDir, 'ondevice_worker.js'), 'self.onmessage = () => {};\n');
    writeFileSync(join(assetsDir, 'models', 'MiniFASNetV2.onnx'), Buffer.from([8, 7, 18, 4]));
    writeFileSync(join(assetsDir, 'ort', 'ort-wasm-simd-threaded.mjs'), 'export default 1;\n');
    writeFileSync(join(assetsDir, 'ort', 'ort-wasm-simd-threaded.wasm'), Buffer.from([0, 97, 115, 109]));
    writeFileSync(join(pluginDir, 'vision_worker.js'), 'self.onmessage = () => {};\n');
    writeFileSync(join(pluginDir, 'mask_renderer.js'), 'self.OzMaskRenderer = {};\n');
    writeFileSync(join(pluginDir, 'parts.css'), '.ol-version{color:red}\n');
    writeFileSync(join(assetsDir, 'models', 'face_landmarker.task'), Buffer.from([0, 0, 80, 75, 3, 4]));
    writeFileSync(join(assetsDir, 'wasm', 'vision_wasm_internal.wasm'), Buffer.from([0, 97, 115, 109]));
    const adapter = await startTestAdapter(testConfig({}), undefined, {
      paths: { pluginDir, assetsDir, demoDir: root },
    });
    try {
      for (const [path, type] of [
        ['/plugin_liveness.js', 'text/javascript; charset=utf-8'],
        ['/plugin_liveness.php', 'text/javascript; charset=utf-8'],
        ['/plugin/vision_worker.js', 'text/javascript; charset=utf-8'],
        // The parts' stylesheet (fetched at open()) and the 3D mask renderer (importScripts in the worker).
        ['/plugin/parts.css', 'text/css; charset=utf-8'],
        ['/plugin/mask_renderer.js', 'text/javascript; charset=utf-8'],
        ['/assets/models/face_landmarker.task', 'application/octet-stream'],
        // open({on_device: true}): its worker, onnxruntime's glue (imported as a module) and wasm, a model.
        ['/plugin/ondevice_worker.js', 'text/javascript; charset=utf-8'],
        ['/assets/ort/ort-wasm-simd-threaded.mjs', 'text/javascript; charset=utf-8'],
        ['/assets/ort/ort-wasm-simd-threaded.wasm', 'application/wasm'],
        ['/assets/models/MiniFASNetV2.onnx', 'application/octet-stream'],
      ] as const) {
        const res = await fetch(`${adapter.url}${path}`, { headers: { origin: 'https://shop.example' } });
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toBe(type);
        expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
        expect(res.headers.get('access-control-allow-credentials'), path).toBeNull();
        expect(res.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
        expect(res.headers.get('cache-control'), path).toBe('public, no-cache');
        const etag = res.headers.get('etag') ?? '';
        expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
        await res.arrayBuffer();
        // As a browser revalidates (undici's fetch adds no-cache to a hand-made conditional request).
        const again = await fetch(`${adapter.url}${path}`, {
          headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
        });
        expect(again.status, path).toBe(304);
      }
      const wasm = await fetch(`${adapter.url}/assets/wasm/vision_wasm_internal.wasm`, { method: 'HEAD' });
      expect(wasm.status).toBe(200);
      expect(wasm.headers.get('content-type')).toBe('application/wasm');
    } finally {
      await adapter.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('API origin policy', () => {
  it('default configuration: exempt hosts served, any other origin refused readably with license_missing', async () => {
    const adapter = await startTestAdapter(testConfig({}), undefined);
    try {
      expect((await post(adapter.url, 'http://127.0.0.1:5173')).status).toBe(200);
      expect((await post(adapter.url, 'http://localhost:3000')).status).toBe(200);
      expect((await post(adapter.url, 'http://[::1]:8080')).status).toBe(200);
      const preflight = await fetch(`${adapter.url}/api/v1/sessions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Event-Session-Id');
      const refused = await post(adapter.url, 'https://shop.example');
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(await refused.json()).toMatchObject({ code: 'license_missing' });
      // Every API call, not only session creation.
      const telemetry = await fetch(`${adapter.url}/api/v1/telemetry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
        body: '{}',
      });
      expect(telemetry.status).toBe(403);
      expect(await telemetry.json()).toMatchObject({ code: 'license_missing' });
    } finally {
      await adapter.close();
    }
  });

  it('the installed licence admits its origins by itself; others get license_origin_mismatch', async () => {
    const adapter = await startTestAdapter(
      testConfig({ license_public_keys: [keys.publicKey], license: license(['*.shop.example']) }),
      undefined,
    );
    try {
      const ok = await post(adapter.url, 'https://app.shop.example');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.shop.example');
      const other = await post(adapter.url, 'https://evil.example');
      expect(other.status).toBe(403);
      expect(await other.json()).toMatchObject({ code: 'license_origin_mismatch' });
    } finally {
      await adapter.close();
    }
  });

  it('a page licence admits its origin for the session it starts, and only that origin', async () => {
    const adapter = await startTestAdapter(testConfig({ license_public_keys: [keys.publicKey] }), undefined);
    try {
      const origin = 'https://app.shop.example';
      const started = await post(adapter.url, origin, { license: license(['app.shop.example']) });
      expect(started.status).toBe(200);
      const { session } = (await started.json()) as { session: string };
      const result = (from: string) =>
        fetch(`${adapter.url}/api/v1/sessions/${session}/result`, { headers: { origin: from } });
      // Admitted (it reaches the route, which knows no upload yet), while another origin is refused.
      expect((await (await result(origin)).json()) as { code: string }).not.toMatchObject({
        code: 'license_missing',
      });
      const stranger = await result('https://evil.example');
      expect(stranger.status).toBe(403);
      expect(await stranger.json()).toMatchObject({ code: 'license_missing' });
      const forged = await post(adapter.url, origin, { license: license(['other.example']) });
      expect(await forged.json()).toMatchObject({ code: 'license_origin_mismatch' });
    } finally {
      await adapter.close();
    }
  });

  it('license_required: false serves the exempt hosts and cors.origins only, others get origin_not_allowed', async () => {
    const adapter = await startTestAdapter(
      testConfig({ license_required: false, cors: { origins: ['https://*.shop.example'] } }),
      undefined,
    );
    const open = await startTestAdapter(
      testConfig({ license_required: false, cors: { origins: ['*'] } }),
      undefined,
    );
    try {
      expect((await post(adapter.url, 'https://a.shop.example')).status).toBe(200);
      const refused = await post(adapter.url, 'https://evil.example');
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'origin_not_allowed' });
      expect((await post(open.url, 'https://evil.example')).status).toBe(200);
      // Servers (no Origin, no Referer) are not judged: the licence binds pages, it is no access control.
      expect((await post(adapter.url, null)).status).toBe(200);
    } finally {
      await adapter.close();
      await open.close();
    }
  });
});

describe('rate limits and security headers', () => {
  it('session creation over rate_limits.sessions is a readable 429 rate_limited; helmet headers are set', async () => {
    const adapter = await startTestAdapter(testConfig({ rate_limits: { sessions: 2 } }), undefined);
    try {
      const origin = 'http://127.0.0.1:5173';
      expect((await post(adapter.url, origin)).status).toBe(200);
      expect((await post(adapter.url, origin)).status).toBe(200);
      const limited = await post(adapter.url, origin);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('access-control-allow-origin')).toBe(origin);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
      expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
      expect(limited.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      const page = await fetch(`${adapter.url}/`);
      expect(page.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
    } finally {
      await adapter.close();
    }
  });
});
