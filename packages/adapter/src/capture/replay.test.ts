import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFolderUpload, createOzApiClient, UPLOAD_ID_META } from '../api-client/index.js';
import { formOf, type Handler, type Recorded, startApi } from '../testing/recording-api.js';
import { keepPending } from './pending.js';
import { listPending, replayPending } from './replay.js';

/*
 * The `pending/` replay against an HTTP stand-in of the API (the end-to-end replay against the real
 * analysis service is in robustness/faults.test.ts): what is sent, what is removed, what is set
 * aside, what a second run does, and the `pnpm pending:replay` command itself.
 */

const FOLDER = { folder_id: 'f-replayed', resolution_status: 'INITIAL', media: [], analyses: [] };
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'replay-test-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function keep(uploadId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const upload = buildFolderUpload({
    media: [
      { action: 'video_selfie_blank', data: new Uint8Array([0x50, 0x4b, 3, 4]), mimeType: 'application/zip' },
    ],
    folderMeta: { transaction_id: `tx-${uploadId}`, [UPLOAD_ID_META]: uploadId },
  });
  if (!upload.ok) throw new Error(upload.error.code);
  return keepPending(dataDir, '0f4c1c1e-5a39-4d5e-9a8c-2b2f6d1b7e11', upload.value, {
    event_session_id: '0f4c1c1e-5a39-4d5e-9a8c-2b2f6d1b7e11',
    analyses: [{ type: 'quality' }],
    instant: false,
    ...extra,
  });
}

/** A stand-in API: no folder found by metadata, folders and analyses created. */
const healthy: Handler = (req) => {
  if (req.method === 'GET' && req.url.startsWith('/api/folders/?'))
    return { status: 200, body: { items: [] } };
  if (req.method === 'POST' && req.url === '/api/folders/') return { status: 201, body: FOLDER };
  if (req.method === 'POST' && req.url.endsWith('/analyses/')) return { status: 201, body: [] };
  return { status: 404, body: { error_code: 404, error_message: 'not found' } };
};

const client = (url: string) =>
  createOzApiClient({
    baseUrl: url,
    auth: { token: 'cfg-token' },
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    timeoutMs: 2000,
  });

const calls = (requests: Recorded[]) => requests.map((r) => `${r.method} ${r.url.split('?')[0]}`);

describe('replayPending', () => {
  it('sends the kept files and payload, launches the analyses, removes the upload; a second run does nothing', async () => {
    await keep('u-1');
    const api = await startApi(healthy);
    const report = await replayPending({ dataDir, api: client(api.url) });
    expect(report.replayed).toEqual([
      { id: expect.stringMatching(/^0f4c1c1e-.+\/.+/), folderId: 'f-replayed', resumed: false },
    ]);
    expect(report.remaining).toBe(0);
    expect(calls(api.requests)).toEqual([
      'GET /api/folders/',
      'POST /api/folders/',
      'POST /api/folders/f-replayed/analyses/',
    ]);
    expect(api.requests[0]?.url).toContain(`meta_data=${UPLOAD_ID_META}%3D%3Du-1`);
    const form = await formOf(api.requests[1] as Recorded);
    expect(Buffer.from(await (form.get('video1') as File).arrayBuffer())).toEqual(
      Buffer.from([0x50, 0x4b, 3, 4]),
    );
    expect(JSON.parse(form.get('payload') as string)['folder:meta_data']).toEqual({
      transaction_id: 'tx-u-1',
      [UPLOAD_ID_META]: 'u-1',
    });
    expect(JSON.parse((api.requests[2] as Recorded).body.toString())).toEqual({
      analyses: [{ type: 'quality' }],
    });
    // Cleaned: not even the session directory is left.
    expect(readdirSync(join(dataDir, 'pending'))).toEqual([]);
    const again = await replayPending({ dataDir, api: client(api.url) });
    expect(again).toEqual({ replayed: [], setAside: [], remaining: 0 });
    expect(api.requests).toHaveLength(3);
  });

  it('finds the folder an earlier attempt stored and only launches what is missing', async () => {
    await keep('u-2');
    const api = await startApi((req, i) =>
      req.method === 'GET'
        ? { status: 200, body: { items: [{ ...FOLDER, folder_id: 'f-earlier' }] } }
        : healthy(req, i),
    );
    const report = await replayPending({ dataDir, api: client(api.url) });
    expect(report.replayed).toEqual([expect.objectContaining({ folderId: 'f-earlier', resumed: true })]);
    expect(calls(api.requests)).toEqual(['GET /api/folders/', 'POST /api/folders/f-earlier/analyses/']);
  });

  it('keeps everything when the API is still failing, and resumes from the written progress', async () => {
    await keep('u-3');
    let launchFails = true;
    const api = await startApi((req, i) =>
      req.url.endsWith('/analyses/') && launchFails ? { status: 503 } : healthy(req, i),
    );
    const first = await replayPending({ dataDir, api: client(api.url) });
    expect(first).toMatchObject({ replayed: [], remaining: 1, stoppedBy: { code: 'api_unavailable' } });
    expect(await listPending(dataDir)).toHaveLength(1);
    launchFails = false;
    api.requests.length = 0;
    const second = await replayPending({ dataDir, api: client(api.url) });
    expect(second.replayed).toEqual([expect.objectContaining({ folderId: 'f-replayed', resumed: true })]);
    // The folder was not created again: the progress file said it exists.
    expect(calls(api.requests)).toEqual(['POST /api/folders/f-replayed/analyses/']);
  });

  it('sets aside what the API refuses for good, with the reason, and goes on with the rest', async () => {
    await keep('u-bad');
    await new Promise((r) => setTimeout(r, 5));
    await keep('u-good');
    const api = await startApi((req, i) => {
      if (req.method === 'POST' && req.url === '/api/folders/' && formHas(req, 'u-bad'))
        return { status: 400, body: { error_code: 3, error_message: 'Invalid structure' } };
      return healthy(req, i);
    });
    const report = await replayPending({ dataDir, api: client(api.url) });
    expect(report.setAside).toEqual([
      { id: expect.any(String), code: 'api_rejected', message: 'Invalid structure' },
    ]);
    expect(report.replayed).toHaveLength(1);
    expect(await listPending(dataDir)).toEqual([]);
    const rejected = join(dataDir, 'pending-rejected', (report.setAside[0] as { id: string }).id);
    expect(readdirSync(rejected).sort()).toEqual(['error.json', 'payload.json', 'video1.zip']);
    expect(JSON.parse(readFileSync(join(rejected, 'error.json'), 'utf8'))).toMatchObject({
      code: 'api_rejected',
    });
  });

  it('leaves an upload another replay holds, and sets aside an unreadable one', async () => {
    const held = await keep('u-held');
    mkdirSync(join(held, 'replaying.lock'));
    const broken = await keep('u-broken');
    writeFileSync(join(broken, 'payload.json'), '{"not": "a record"}');
    const api = await startApi(healthy);
    const report = await replayPending({ dataDir, api: client(api.url) });
    expect(report.remaining).toBe(1);
    expect(report.setAside).toEqual([expect.objectContaining({ code: 'pending_unreadable' })]);
    expect(api.requests).toHaveLength(0);
    expect(existsSync(held)).toBe(true);
  });
});

function formHas(req: Recorded, text: string): boolean {
  return req.body.toString('latin1').includes(text);
}

describe('pnpm pending:replay', () => {
  function run(configPath: string, args: string[] = []): Promise<{ code: number | null; out: string }> {
    const child = spawn(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', join(packageRoot, 'src/replay-pending.ts'), ...args],
      {
        cwd: packageRoot,
        env: { ...process.env, OZ_ADAPTER_CONFIG_PATH: configPath },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    return new Promise((r) => child.once('exit', (code) => r({ code, out })));
  }

  it('replays with the adapter configuration, exits 2 while the API fails, 0 once nothing is left', async () => {
    await keep('u-cli');
    let down = true;
    const api = await startApi((req, i) => (down ? { status: 503 } : healthy(req, i)));
    const configPath = join(dataDir, 'app_config.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        data_dir: dataDir,
        analysis: { embedded: false },
        api_url: api.url,
        api_token: 'cfg-token',
        api_timeout_ms: 500,
      }),
    );
    const dry = await run(configPath, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^1 upload\(s\) kept in /);
    expect(api.requests).toHaveLength(0);

    const failing = await run(configPath);
    expect(failing.out).toMatch(/stopped: api_unavailable/);
    expect(failing.code).toBe(2);
    expect(await listPending(dataDir)).toHaveLength(1);

    down = false;
    const ok = await run(configPath);
    expect(ok.out).toMatch(/replayed 1, set aside 0, still kept 0/);
    expect(ok.code).toBe(0);
    expect(api.requests.filter((r) => r.method === 'POST' && r.url === '/api/folders/')).toHaveLength(1);
    expect(api.requests.every((r) => r.headers['x-forensic-access-token'] === 'cfg-token')).toBe(true);

    const nothing = await run(configPath);
    expect(nothing).toMatchObject({ code: 0 });
    expect(nothing.out).toMatch(/^0 upload\(s\) kept/);
  }, 60_000);
});
