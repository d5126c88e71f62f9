import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAnalysisService, type Logger } from '@open-liveness/analysis';
import type { Credentials } from '../api-client/index.js';

export interface EmbeddedAnalysisOptions {
  readonly dataDir: string;
  readonly modelsDir: string;
  /** 0 = any free port. */
  readonly port: number;
  readonly logger: Logger;
}

export interface EmbeddedAnalysis {
  readonly baseUrl: string;
  /** Generated per start: only this process knows them, so nothing else can use the service. */
  readonly credentials: Credentials;
  /** A folder as the API would answer it, read in process from the service's hot state (no HTTP). */
  readFolder(folderId: string): Promise<unknown>;
  /** The service's own health check answers 200. */
  ready(): Promise<boolean>;
  /** Stops listening, then drains queued analyses and releases models and storage. */
  close(): Promise<void>;
}

/**
 * Starts `@open-liveness/analysis` in this process, listening on loopback only. Models load before
 * this resolves, so a missing model file fails the adapter's start, not the first capture.
 */
export async function startEmbeddedAnalysis(options: EmbeddedAnalysisOptions): Promise<EmbeddedAnalysis> {
  const credentials = {
    email: 'adapter@open-liveness.local',
    password: randomBytes(24).toString('base64url'),
  };
  const service = await createAnalysisService({
    dataDir: options.dataDir,
    modelsDir: options.modelsDir,
    users: [credentials],
    logger: options.logger,
  });
  const server: Server = service.app.listen(options.port, '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch (err) {
    await service.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    credentials,
    readFolder: (folderId) => service.readFolder(folderId),
    async ready() {
      try {
        const res = await fetch(`${baseUrl}/api/healthcheck`, {
          signal: AbortSignal.timeout(2000),
        });
        return res.ok;
      } catch {
        return false;
      }
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The adapter's fetch keeps connections alive; they would hold close() open.
      server.closeAllConnections();
      await closed;
      await service.close();
    },
  };
}
