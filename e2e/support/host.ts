import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterURL } from './env.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const demoDir = join(repoRoot, 'examples', 'script-tag');

/**
 * The integrator's web server: the demo page (examples/script-tag) served from an origin of its own, its
 * plugin script loaded from an adapter on another origin. Every e2e host page comes from here, so no suite
 * can depend on being same-origin with the adapter.
 *
 * `GET /` serves the demo page wired to the suite's adapter (`adapterURL`); `hostPage()` builds the URL of
 * one wired to another adapter or sent with extra response headers. Other paths are the demo folder's files.
 */
export interface HostServer {
  /** `http://127.0.0.1:<port>/`: a licensing-exempt origin other than any adapter's. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Extra answers of the host page, as a real integrator's server might send them. */
export interface HostPageOptions {
  /** Cross-origin isolation: COOP same-origin + COEP require-corp. */
  readonly isolated?: boolean;
  /** A Content-Security-Policy header for the page. */
  readonly csp?: string;
}

/**
 * Path (relative to the host's origin) of the demo page that loads the plugin from `adapter` (a spawned
 * adapter's `url`; the suite's own by default).
 */
export function hostPage(adapter: string = adapterURL, options: HostPageOptions = {}): string {
  const query = new URLSearchParams();
  if (adapter !== adapterURL) query.set('adapter', adapter);
  if (options.isolated) query.set('isolated', '1');
  if (options.csp) query.set('csp', options.csp);
  const q = query.toString();
  return q ? `/?${q}` : '/';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The demo page with its plugin script pointed at `adapter` (the one line an integrator writes). */
export function demoPageFor(adapter: string): string {
  const html = readFileSync(join(demoDir, 'index.html'), 'utf8');
  const tag = /<script src="\/plugin_liveness\.js"><\/script>/;
  if (!tag.test(html)) throw new Error('examples/script-tag/index.html no longer loads /plugin_liveness.js');
  const src = new URL('plugin_liveness.js', adapter).href;
  return html.replace(tag, `<script src="${src}"></script>`);
}

function handle(url: URL): { status: number; headers: Record<string, string>; body: string | Buffer } {
  if (url.pathname === '/' || url.pathname === '/index.html') {
    const adapter = url.searchParams.get('adapter') ?? adapterURL;
    const headers: Record<string, string> = {
      'content-type': TYPES['.html'] ?? '',
      'cache-control': 'no-store',
    };
    if (url.searchParams.get('isolated') === '1') {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    const csp = url.searchParams.get('csp');
    if (csp) headers['content-security-policy'] = csp;
    return { status: 200, headers, body: demoPageFor(adapter) };
  }
  const file = normalize(join(demoDir, decodeURIComponent(url.pathname)));
  if (!file.startsWith(`${demoDir}/`)) return { status: 404, headers: {}, body: 'not found' };
  try {
    const body = readFileSync(file);
    return {
      status: 200,
      headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' },
      body,
    };
  } catch {
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  }
}

/** Starts the host server on a free loopback port. */
export async function startHost(): Promise<HostServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const answer = handle(url);
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
