import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** Listens on an ephemeral loopback port; returns the base URL and a closer. */
export async function listen(
  app: Express | Parameters<typeof createServer>[1],
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(app as Parameters<typeof createServer>[1]);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Records JSON bodies POSTed to it, for webhook assertions. */
export async function webhookSink(): Promise<{
  url: string;
  received: unknown[];
  next(): Promise<unknown>;
  close(): Promise<void>;
}> {
  const received: unknown[] = [];
  const waiters: ((v: unknown) => void)[] = [];
  const handler: RequestListener = (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const json: unknown = JSON.parse(body);
      received.push(json);
      waiters.shift()?.(json);
      res.writeHead(200).end('ok');
    });
  };
  const sink = await listen(handler);
  return {
    url: `${sink.url}/hook`,
    received,
    next: () => new Promise((r) => waiters.push(r)),
    close: sink.close,
  };
}
