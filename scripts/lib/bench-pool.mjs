// A pool for bench:server --pool N: PostgreSQL and redis-server (started like the tests start them),
// one analysis API on pg-boss, N analysis workers and N adapters, all built processes (dist/).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

// The temp-server helpers are TypeScript (shared with the tests): load them through tsx.
register();

const SECRET = 'bench-pool-session-secret-long-enough-0123456789';
const API_PASSWORD = 'bench-pool-api-password';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server listening on `port` and its backends (children of the postmaster). */
function postgresPids(port) {
  const procs = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      procs.push({ pid: Number(name), ppid, cmd });
    } catch {
      // gone meanwhile
    }
  }
  const master = procs.find((p) => p.cmd[0].endsWith('/postgres') && p.cmd.join(' ').includes(`-p ${port}`));
  return master ? [master.pid, ...procs.filter((p) => p.ppid === master.pid).map((p) => p.pid)] : [];
}

/** Spawns a node process and resolves when `ready(line)` returns a value for one of its output lines. */
function startProcess(label, script, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} did not start:\n${logs.join('')}`));
    }, 120_000);
    let done = false;
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      if (logs.length < 200) logs.push(text);
      if (done) return;
      for (const line of text.split('\n')) {
        const value = ready(line);
        if (value === undefined) continue;
        done = true;
        clearTimeout(timer);
        resolve({
          value,
          pid: child.pid,
          stop: () =>
            new Promise((ok) => {
              if (child.exitCode !== null) return ok();
              child.once('exit', ok);
              child.kill('SIGTERM');
            }),
        });
        return;
      }
    });
    child.stderr.on('data', (c) => logs.length < 200 && logs.push(c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!done) reject(new Error(`${label} exited with ${code}:\n${logs.join('')}`));
    });
  });
}

const jsonMsg = (line, msg) => {
  try {
    const o = JSON.parse(line);
    return o.msg === msg ? o : undefined;
  } catch {
    return undefined;
  }
};

/** Starts the pool from the build in `root`. Returns the adapter URLs and stop(). */
export async function startPool(root, size, dataDir) {
  const { startTestPostgres } = await import(join(root, 'packages/analysis/test/helpers/postgres.ts'));
  const { startTestRedis } = await import(join(root, 'packages/adapter/src/testing/redis-server.ts'));
  const [pg, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
  const stops = [];
  try {
    const apiPort = await freePort();
    const analysisEnv = {
      ANALYSIS_DATABASE_URL: pg.url,
      ANALYSIS_QUEUE: 'pg-boss',
      ANALYSIS_DATA_DIR: join(dataDir, 'analysis'),
    };
    const api = await startProcess(
      'analysis API',
      join(root, 'packages/analysis/dist/main.js'),
      {
        ...analysisEnv,
        ANALYSIS_PORT: String(apiPort),
        ANALYSIS_PASSWORD: API_PASSWORD,
        ANALYSIS_TOKEN_SECRET: SECRET,
      },
      (line) => jsonMsg(line, 'analysis service listening'),
    );
    stops.push(api.stop);
    const workers = await Promise.all(
      Array.from({ length: size }, (_, i) =>
        startProcess(`worker ${i + 1}`, join(root, 'packages/analysis/dist/worker.js'), analysisEnv, (line) =>
          jsonMsg(line, 'analysis worker started'),
        ),
      ),
    );
    stops.push(...workers.map((w) => w.stop));
    const adapters = await Promise.all(
      Array.from({ length: size }, (_, i) =>
        startProcess(
          `adapter ${i + 1}`,
          join(root, 'packages/adapter/dist/main.js'),
          {
            PORT: '0',
            HOST: '127.0.0.1',
            OZ_ADAPTER_DATA_DIR: join(dataDir, 'adapter'),
            OZ_ADAPTER_ANALYSIS__EMBEDDED: 'false',
            OZ_ADAPTER_API_URL: `http://127.0.0.1:${apiPort}`,
            OZ_ADAPTER_API_LOGIN: 'service@open-liveness.local',
            OZ_ADAPTER_API_PASSWORD: API_PASSWORD,
            OZ_ADAPTER_REDIS_URL: redis.url,
            OZ_ADAPTER_SESSION_SECRET: SECRET,
            // The bench is one client IP making hundreds of sessions: no per-IP limits here.
            OZ_ADAPTER_RATE_LIMITS__SESSIONS: '0',
            OZ_ADAPTER_RATE_LIMITS__UPLOADS: '0',
          },
          (line) => /open-liveness adapter: (http:\/\/\S+)/.exec(line)?.[1].replace(/\/$/, ''),
        ),
      ),
    );
    stops.push(...adapters.map((a) => a.stop));
    const pgPort = new URL(pg.url).port;
    return {
      urls: adapters.map((a) => a.value),
      /** CPU seconds used so far, by role (for "where does the time go"). */
      cpuSeconds() {
        const sum = (list) => list.reduce((t, p) => t + cpuSecondsOf(p.pid), 0);
        return {
          adapters: sum(adapters),
          'analysis API': cpuSecondsOf(api.pid),
          workers: sum(workers),
          postgres: postgresPids(pgPort).reduce((t, pid) => t + cpuSecondsOf(pid), 0),
        };
      },
      async stop() {
        for (const stop of stops.reverse()) await stop();
        await redis.stop();
        pg.stop();
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop();
    await redis.stop();
    pg.stop();
    throw err;
  }
}
