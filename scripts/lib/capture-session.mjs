// The capture session the way the plugin drives it, over HTTP, for the server scripts (bench:server,
// load): start the built adapter, build a shot set, run session → upload → poll. Shared so both
// scripts measure the same thing.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = process.env.LIVENESS_FIXTURES ?? resolve(repoRoot, '../shared/fixtures');
// sharp and jszip are the adapter's own dependencies; borrow them instead of adding root ones.
const adapterRequire = createRequire(join(repoRoot, 'packages/adapter/package.json'));
const sharp = adapterRequire('sharp');
const JSZip = adapterRequire('jszip');

/**
 * The built adapter of `root` on a free port; `env` adds to (or overrides) its environment and
 * `nodeArgs` go to its node (e.g. `--cpu-prof`).
 */
export function startAdapter(root, dataDir, env = {}, nodeArgs = []) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, join(root, 'packages/adapter/dist/main.js')], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        OZ_ADAPTER_DATA_DIR: join(dataDir, 'adapter'),
        OZ_ADAPTER_ANALYSIS__DATA_DIR: join(dataDir, 'analysis'),
        OZ_ADAPTER_SESSION_SECRET: 'bench-server-session-secret-long-enough-0123456789',
        // One client IP makes all the sessions: the per-IP limits would refuse most of them.
        OZ_ADAPTER_RATE_LIMITS__SESSIONS: '0',
        OZ_ADAPTER_RATE_LIMITS__UPLOADS: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`adapter did not start:\n${logs.join('')}`));
    }, 120_000);
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      if (logs.length < 200) logs.push(text);
      const m = /open-liveness adapter: (http:\/\/\S+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolvePromise({
          url: m[1].replace(/\/$/, ''),
          pid: child.pid,
          cpuSeconds: () => processCpuSeconds(child.pid),
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.on('data', (c) => logs.length < 200 && logs.push(c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`adapter exited with ${code}:\n${logs.join('')}`));
    });
  });
}

/** CPU seconds (user + system) of a process so far, from /proc (Linux); 0 when unreadable. */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * A shot set as the plugin builds it: frames `000.jpg…` with their sha256, and a manifest. The frames
 * differ slightly (sizes), as a camera's do: byte-identical frames are declined as a frozen stream.
 */
export async function shotSet(frames) {
  const source = join(fixturesDir, 'images/person_b_intel_female_frontal.png');
  const faces = await Promise.all(
    Array.from({ length: frames }, (_, i) =>
      sharp(source)
        .resize({ width: 480 - 4 * i })
        .jpeg({ quality: 80 })
        .toBuffer(),
    ),
  );
  const zip = new JSZip();
  const names = faces.map((_, i) => `${String(i).padStart(3, '0')}.jpg`);
  names.forEach((n, i) => {
    zip.file(n, faces[i]);
  });
  zip.file(
    'manifest.json',
    JSON.stringify({
      version: 1,
      action: 'video_selfie_blank',
      orientation: 'portrait',
      frames: names.map((name, i) => ({
        name,
        t: i * 33,
        sha256: createHash('sha256').update(faces[i]).digest('hex'),
      })),
      best_frame: names[0],
      additional_info: JSON.stringify({ virtual_camera_suspected: false }),
    }),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

// The client side of the benchmark runs on the same machine as the server, so it must be cheap:
// node:http on keep-alive sockets (no per-request connection, no undici per-request machinery) and
// request bodies built once. fetch + FormData cost about 40 ms of CPU per session here (bench:server,
// 2026-12-02), CPU the server could not have.
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** One request; the answer's JSON body. A network failure keeps its cause (a reset, a timeout). */
function request(url, method, headers, body) {
  return new Promise((resolvePromise, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolvePromise({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolvePromise({ status: res.statusCode ?? 0, body: { unparsed: text.slice(0, 200) } });
        }
      });
    });
    req.on('error', (e) => reject(new Error('request failed', { cause: e })));
    req.end(body);
  });
}

const BOUNDARY = '----open-liveness-bench-7d1f0c';
const uploads = new WeakMap();

/** The multipart body of one shot-set upload (manifest + video1), built once per shot set. */
export function uploadBody(data) {
  const cached = uploads.get(data);
  if (cached) return cached;
  const manifest = JSON.stringify({
    version: 1,
    media: [{ field: 'video1', action: 'video_selfie_blank', kind: 'shots_set' }],
  });
  const body = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\ncontent-disposition: form-data; name="manifest"\r\n\r\n${manifest}\r\n` +
        `--${BOUNDARY}\r\ncontent-disposition: form-data; name="video1"; filename="video1.bin"\r\n` +
        'content-type: application/zip\r\n\r\n',
    ),
    data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const upload = {
    body,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': body.length },
  };
  uploads.set(data, upload);
  return upload;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let nextAdapter = 0;

/** A network failure names its stage: "upload: request failed". */
function at(stage, promise) {
  return promise.catch((err) => {
    err.message = `${stage}: ${err.message}`;
    throw err;
  });
}

/** One session the way the plugin runs it, hopping adapters in a pool. Times in ms. */
export async function runSession(urls, data, pollMs, counters) {
  const n = nextAdapter++;
  const url = urls[n % urls.length];
  const uploadUrl = urls[(n + 1) % urls.length];
  const t0 = performance.now();
  const sessionBody = JSON.stringify({
    event_session_id: crypto.randomUUID(),
    actions: ['video_selfie_blank'],
  });
  const created = await at(
    'session',
    request(`${url}/api/v1/sessions`, 'POST', { 'content-type': 'application/json' }, sessionBody),
  );
  const session = created.body;
  if (created.status !== 200) throw new Error(`session: ${created.status} ${JSON.stringify(session)}`);
  const tUpload = performance.now();
  const upload = uploadBody(data);
  const up = await at(
    'upload',
    request(`${uploadUrl}/api/v1/sessions/${session.session}/media`, 'POST', upload.headers, upload.body),
  );
  const accepted = up.body;
  if (up.status !== 202) throw new Error(`upload: ${up.status} ${JSON.stringify(accepted)}`);
  const tAccepted = performance.now();
  const resultUrl = `${url}/api/v1/sessions/${accepted.session}/result`;
  let body = accepted;
  while (body.state !== 'finished') {
    await sleep(pollMs);
    const res = await at('result', request(resultUrl, 'GET', {}));
    body = res.body;
    counters.reads++;
    if (res.status !== 200) throw new Error(`result: ${res.status} ${JSON.stringify(body)}`);
  }
  const tEnd = performance.now();
  return {
    total: tEnd - t0,
    upload: tAccepted - tUpload,
    verdict: tEnd - tAccepted,
    uploadToVerdict: tEnd - tUpload,
    verdictValue: JSON.stringify(body.analyses ?? body.state),
  };
}
