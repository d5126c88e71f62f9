import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { AnalysisApiError, type Capture, createAnalysisApi } from './analysis-api.js';
import { type Decision, decide } from './decide.js';

/*
 * The host's own backend in the capture architecture: it serves the page, receives the capture the page got in
 * on_capture_complete, creates the folder and the analysis in the analysis API, polls the folder by
 * transaction_id, decides, and answers the page. Configuration from the environment:
 *   PORT (3000), ADAPTER_URL (the adapter serving the plugin, http://localhost:8080/),
 *   ANALYSIS_API_URL (http://localhost:8090), ANALYSIS_API_EMAIL, ANALYSIS_API_PASSWORD.
 */
const env = process.env;
const adapterUrl = new URL(env.ADAPTER_URL ?? 'http://localhost:8080/').href;
const api = createAnalysisApi({
  url: env.ANALYSIS_API_URL ?? 'http://localhost:8090',
  email: env.ANALYSIS_API_EMAIL ?? 'service@open-liveness.local',
  password: env.ANALYSIS_API_PASSWORD ?? '',
});
const POLL_MS = 1000;
const POLL_LIMIT = 90;
const MAX_BODY = 20 * 1024 * 1024;

const publicFile = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../public/${name}`, import.meta.url)), 'utf8');
const page = publicFile('index.html').replaceAll('%ADAPTER_URL%', adapterUrl);
const script = publicFile('app.js');

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
const json = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, 'application/json', JSON.stringify(value));

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RangeError('capture too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function asCapture(body: unknown): Capture | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const frames = b.frames;
  if (typeof b.transaction_id !== 'string' || !/^[\w-]{1,100}$/.test(b.transaction_id)) return null;
  if (typeof b.action !== 'string' || !/^video_selfie_[a-z0-9_]+$/.test(b.action)) return null;
  if (!Array.isArray(frames) || frames.length === 0 || !frames.every((f) => typeof f === 'string'))
    return null;
  if (!frames.every((f: string) => f.startsWith('data:image/jpeg;base64,'))) return null;
  return {
    transaction_id: b.transaction_id,
    action: b.action,
    additional_info: typeof b.additional_info === 'string' ? b.additional_info : '',
    frames,
  };
}

/** Polls the transaction's folder (about once a second, as the API asks) until its analyses are done. */
async function decisionFor(transactionId: string): Promise<Decision> {
  for (let attempt = 0; attempt < POLL_LIMIT; attempt++) {
    const folder = await api.folderOf(transactionId);
    if (folder) {
      const decision = decide(folder);
      if (decision.state === 'done') return decision;
    }
    await sleep(POLL_MS);
  }
  return { state: 'processing' };
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://host');
  if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', page);
  if (req.method === 'GET' && url.pathname === '/app.js') return send(res, 200, 'text/javascript', script);
  if (req.method === 'POST' && url.pathname === '/api/liveness') {
    const capture = asCapture(await readJson(req));
    if (!capture) {
      return json(res, 400, {
        code: 'bad_capture',
        message: 'expected transaction_id, action and JPEG frames',
      });
    }
    await api.submit(capture);
    return json(res, 200, await decisionFor(capture.transaction_id));
  }
  const lookup = /^\/api\/liveness\/([\w-]{1,100})$/.exec(url.pathname);
  if (req.method === 'GET' && lookup?.[1]) {
    const folder = await api.folderOf(lookup[1]);
    return folder ? json(res, 200, decide(folder)) : json(res, 404, { code: 'unknown_transaction' });
  }
  json(res, 404, { code: 'not_found' });
}

const server = createServer((req, res) => {
  route(req, res).catch((err: unknown) => {
    // A failure of the analysis API is reported to the page, never turned into a verdict.
    const status =
      err instanceof AnalysisApiError
        ? 502
        : err instanceof SyntaxError || err instanceof RangeError
          ? 400
          : 500;
    console.error('[host-backend]', err);
    if (!res.headersSent)
      json(res, status, { code: 'analysis_failed', message: String((err as Error).message) });
  });
});
server.listen(Number(env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  console.log(`host backend: http://127.0.0.1:${port}/`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
