import { connect } from 'node:net';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { installPaths } from '../paths.js';
import { testConfig } from '../testing/app.js';
import { startAdapter } from './start.js';

describe('adapter shutdown', () => {
  it('close() does not wait forever for a request that never finishes', async () => {
    const adapter = await startAdapter({
      // capture: no API and no embedded service, so the test is about the HTTP server alone.
      config: testConfig({ architecture: 'capture', port: 0 }),
      paths: installPaths(),
      log: pino({ level: 'silent' }),
      shutdownGraceMs: 200,
    });
    const { port } = new URL(adapter.url);
    // A client that starts a request and never sends the rest: an active, not idle, connection.
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      'POST /api/v1/telemetry HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    socket.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await adapter.close();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(150);
    expect(took).toBeLessThan(3_000);
    socket.destroy();
  });
});
