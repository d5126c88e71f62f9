import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A fault-injecting HTTP proxy for tests: it sits on a loopback port in front of a real upstream (the
 * analysis service) and, per matching request, forwards it or breaks it the way networks and
 * servers break. The adapter talks to it over real sockets, so what is tested is the real client.
 */

export type Fault =
  /** Forward unchanged. */
  | { readonly kind: 'pass' }
  /** Answer this status without forwarding (a 5xx of a balancer, an HTML error page). */
  | { readonly kind: 'status'; readonly status: number; readonly body?: string }
  /** Wait this long, then forward (if the client is still there): slower than the client's timeout. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** 200 with a body that is not the API's JSON. */
  | { readonly kind: 'garbage' }
  /** Read this many bytes of the request body, then cut the connection (mid-upload). */
  | { readonly kind: 'drop-request'; readonly afterBytes: number }
  /** Forward, then cut the connection after the answer's headers and part of its body. */
  | { readonly kind: 'drop-response' }
  /** Cut the connection as soon as the request arrives, without a byte back. */
  | { readonly kind: 'reset' };

export interface FaultRule {
  readonly method?: string;
  /** Tested against the path with its query. */
  readonly path?: RegExp;
  readonly fault: Fault;
  /** How many matching requests this rule breaks; then it is spent. Default: all of them. */
  times?: number;
}

export interface ProxyRecord {
  readonly method: string;
  readonly path: string;
  readonly fault: Fault['kind'];
}

export interface FaultProxy {
  readonly url: string;
  /** Every request seen, with what was done to it. */
  readonly log: ProxyRecord[];
  /** Adds a rule; the first unspent matching rule decides. */
  inject(rule: FaultRule): void;
  /** Removes every rule: everything passes again. */
  heal(): void;
  /** Stops listening and cuts every connection: the API is down (connection refused). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const rules: FaultRule[] = [];
  const log: ProxyRecord[] = [];

  const pick = (method: string, path: string): Fault => {
    const rule = rules.find(
      (r) =>
        (r.times === undefined || r.times > 0) &&
        (r.method === undefined || r.method === method) &&
        (r.path === undefined || r.path.test(path)),
    );
    if (rule === undefined) return { kind: 'pass' };
    if (rule.times !== undefined) rule.times -= 1;
    return rule.fault;
  };

  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const fault = pick(method, path);
    log.push({ method, path, fault: fault.kind });

    const forward = (cut: boolean) => {
      const out = request(
        { host: target.hostname, port: target.port, method, path, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          if (!cut) {
            up.pipe(res);
            return;
          }
          up.once('data', (chunk: Buffer) => {
            res.write(chunk.subarray(0, Math.max(1, chunk.length >> 1)));
            res.socket?.destroy();
            up.destroy();
          });
        },
      );
      out.on('error', () => res.socket?.destroy());
      req.pipe(out);
    };

    switch (fault.kind) {
      case 'pass':
        return forward(false);
      case 'drop-response':
        return forward(true);
      case 'status':
        req.resume();
        req.on('end', () => {
          res.writeHead(fault.status, { 'content-type': 'text/html' });
          res.end(fault.body ?? `<html><body>${fault.status} from the proxy</body></html>`);
        });
        return;
      case 'garbage':
        req.resume();
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"folder_id": "f-1", "media": [tru');
        });
        return;
      case 'slow': {
        req.pause();
        const timer = setTimeout(() => {
          if (!req.destroyed && !res.destroyed) forward(false);
        }, fault.delayMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'drop-request': {
        let seen = 0;
        req.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen >= fault.afterBytes) req.socket.destroy();
        });
        req.on('end', () => req.socket.destroy());
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
    }
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    inject: (rule) => {
      rules.push({ ...rule });
    },
    heal: () => {
      rules.length = 0;
    },
    down: stop,
    up: () => (server.listening ? Promise.resolve() : listen(port)),
    close: stop,
  };
}
