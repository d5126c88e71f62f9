import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** The site's origin with a trailing slash, e.g. http://127.0.0.1:8191/ */
  url: string;
  close(): Promise<void>;
}

export interface StaticSiteOptions {
  /** Extra headers on every answer (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Handles a request before the files do; returns true when it answered. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

/** A built single-page app served as an integrator's host page would be: its own origin, index.html fallback. */
export function serveStatic(
  root: string,
  port: number,
  options: StaticSiteOptions = {},
): Promise<StaticSite> {
  const server: Server = createServer(async (req, res) => {
    for (const [k, v] of Object.entries(options.headers ?? {})) res.setHeader(k, v);
    if (options.handle && (await options.handle(req, res))) return;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(root, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}

/** Ports for example sites: the suite's adapter port plus 1…9 (8191… by default). */
export const examplePort = (n: number) => Number(process.env.E2E_PORT ?? 8190) + n;
