import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateContainerKeyPair } from '@open-liveness/trust';
import pino from 'pino';
import type { OzApiClient } from '../api-client/index.js';
import { type AppDeps, createApp } from '../app.js';
import { type AdapterConfig, parseConfig } from '../config/index.js';
import { createMetrics } from '../http/metrics.js';
import { installPaths } from '../paths.js';

export interface TestAdapter {
  readonly url: string;
  readonly dataDir: string;
  readonly config: AdapterConfig;
  close(): Promise<void>;
}

export const TEST_SECRET = 'test-session-secret-long-enough-for-hmac-256';

/** A validated configuration from a partial file; throws on a mistake in the test itself. */
export function testConfig(file: Record<string, unknown>, env: Record<string, string> = {}): AdapterConfig {
  const r = parseConfig(file, env);
  if (!r.ok) throw new Error(JSON.stringify(r.error.issues));
  return r.config;
}

/** The real app on a loopback port, with its own temporary data directory. */
export async function startTestAdapter(
  config: AdapterConfig,
  api: OzApiClient | undefined,
  extra: Partial<AppDeps> = {},
): Promise<TestAdapter> {
  const dataDir = extra.dataDir ?? mkdtempSync(join(tmpdir(), 'adapter-test-'));
  // Sealed-container tests get a fresh key pair unless they bring one.
  const containerKeys =
    extra.containerKeys ?? (config.use_wasm_container ? await generateContainerKeyPair() : undefined);
  const app = createApp({
    paths: installPaths(),
    log: pino({ level: 'silent' }),
    config,
    api,
    sessionSecret: TEST_SECRET,
    license: {
      publicKeys: config.license_public_keys,
      installed: config.license,
      masterSignature: config.master_license_signature,
    },
    metrics: createMetrics(),
    ...(containerKeys ? { containerKeys } : {}),
    ...extra,
    dataDir,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    config,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startSession(
  url: string,
  body: Record<string, unknown> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event_session_id: '0f4c1c1e-5a39-4d5e-9a8c-2b2f6d1b7e11', ...body }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
