import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetsPresent, FACE_IMAGE, REAL_ASSETS } from '../testing/assets.js';
import { buildShotSet, faceFrames, uploadForm } from '../testing/capture.js';

/*
 * Restart resume, with real processes: the adapter (its embedded analysis service, real models) is
 * killed with SIGKILL while analyses are still PROCESSING, started again on the same data
 * directories, and the page's session tokens, polled against the new process, get their results.
 * Run from the sources (tsx, the `development` condition), so it needs no build.
 */
const present = assetsPresent('restart resume (real models)', REAL_ASSETS);
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SESSIONS = 4;

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly logs: string[];
}

function startAdapterProcess(dir: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', join(packageRoot, 'src/main.ts')],
    {
      cwd: packageRoot,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        OZ_ADAPTER_DATA_DIR: join(dir, 'adapter'),
        OZ_ADAPTER_ANALYSIS__DATA_DIR: join(dir, 'analysis'),
        OZ_ADAPTER_SESSION_SECRET: 'restart-test-session-secret-long-enough-0123456789',
        OZ_ADAPTER_RATE_LIMITS__SESSIONS: '0',
        OZ_ADAPTER_RATE_LIMITS__UPLOADS: '0',
        OZ_ADAPTER_CONFIG_PATH: join(dir, 'app_config.json'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`adapter did not start:\n${logs.join('')}`));
    }, 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      logs.push(text);
      const m = /open-liveness adapter: (http:\/\/\S+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ child, url: (m[1] as string).replace(/\/$/, ''), logs });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`adapter exited with ${code}:\n${logs.join('')}`));
    });
  });
}

async function kill(running: Running): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  const exited = new Promise((r) => running.child.once('exit', r));
  running.child.kill('SIGKILL');
  await exited;
}

describe.skipIf(!present)('an analysis interrupted by a restart', () => {
  let dir: string;
  let shotSet: Buffer;
  const started: Running[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'adapter-restart-'));
    writeFileSync(join(dir, 'app_config.json'), '{}\n');
    shotSet = await buildShotSet({
      action: 'video_selfie_blank',
      frames: await faceFrames(FACE_IMAGE, 10),
      additionalInfo: JSON.stringify({ virtual_camera_suspected: false }),
    });
  });
  afterAll(async () => {
    for (const r of started) await kill(r);
    rmSync(dir, { recursive: true, force: true });
  });

  async function result(url: string, session: string) {
    const res = await fetch(`${url}/api/v1/sessions/${session}/result`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('is resumed after SIGKILL and the page still gets its result', async () => {
    const first = await startAdapterProcess(dir);
    started.push(first);
    // Several uploads at once, so the queue holds analyses not finished when the process dies.
    const tokens = await Promise.all(
      Array.from({ length: SESSIONS }, async (_, i) => {
        const s = await fetch(`${first.url}/api/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            event_session_id: `0f4c1c1e-5a39-4d5e-9a8c-2b2f6d1b7e1${i}`,
            actions: ['video_selfie_blank'],
          }),
        });
        const session = (await s.json()) as { session: string };
        const up = await fetch(`${first.url}/api/v1/sessions/${session.session}/media`, {
          method: 'POST',
          body: uploadForm([
            { field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: shotSet },
          ]),
        });
        const accepted = (await up.json()) as { session: string };
        expect(up.status, JSON.stringify(accepted)).toBe(202);
        return accepted.session;
      }),
    );
    const before = await Promise.all(tokens.map((t) => result(first.url, t)));
    const unfinished = before.filter((r) => r.body.state !== 'finished').length;
    // The proof needs at least one analysis cut off; four 10-frame uploads on a shared machine are.
    expect(unfinished, 'every analysis finished before the kill: nothing was interrupted').toBeGreaterThan(0);
    await kill(first);

    const second = await startAdapterProcess(dir);
    started.push(second);
    const finals: Record<string, unknown>[] = [];
    for (const token of tokens) {
      for (let i = 0; ; i++) {
        const r = await result(second.url, token);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        if (r.body.state === 'finished') {
          finals.push(r.body);
          break;
        }
        if (i > 600) throw new Error('a resumed analysis never finished');
        await new Promise((done) => setTimeout(done, 100));
      }
    }
    expect(finals).toHaveLength(SESSIONS);
    for (const f of finals) expect(f).toEqual({ state: 'finished' });
    expect(second.logs.join('')).toMatch(/resuming interrupted analyses/);
    await kill(second);
  }, 240_000);
});
