import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/*
 * A recording Oz API stand-in on 127.0.0.1:0 for the API client's unit tests: every request is kept
 * (method, url, headers, body) and answered by the test's handler, optionally after a delay.
 * Servers started here are closed after each test.
 */

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}
export type Handler = (req: Recorded, index: number) => Reply;

const servers: Server[] = [];
afterEach(async () => {
  // closeAllConnections: otherwise close() waits for the keep-alive sockets fetch leaves open.
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((r) => s.close(r));
    }),
  );
});

export interface RecordingApi {
  url: string;
  requests: Recorded[];
  /** Stops the server now (a test of an API that went away). */
  close(): Promise<void>;
}

export async function startApi(handler: Handler): Promise<RecordingApi> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(rec);
      const reply = handler(rec, requests.length - 1);
      const send = () => {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      servers.splice(servers.indexOf(server), 1);
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

export function json(rec: Recorded): unknown {
  return JSON.parse(rec.body.toString('utf8'));
}

export async function formOf(rec: Recorded): Promise<FormData> {
  return new Response(rec.body, {
    headers: { 'content-type': String(rec.headers['content-type']) },
  }).formData();
}

export function jwt(exp: number): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ exp })}.sig`;
}
