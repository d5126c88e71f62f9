import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL server for tests: a fresh cluster in a temp dir on a free loopback port. */
export interface TestPostgres {
  url: string;
  stop(): void;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'pg_ctl'))) return join(root, v, 'bin');
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Why no server can be started here, or null when one can. */
export function postgresUnavailable(): string | null {
  if (process.env.LIVENESS_TEST_DATABASE_URL) return null;
  return binDir() ? null : 'PostgreSQL server binaries not found (apt-get install -y postgresql)';
}

/**
 * Starts PostgreSQL (Debian's `postgresql` package) or uses `LIVENESS_TEST_DATABASE_URL`. As root the cluster
 * runs as the `postgres` user, since the server refuses to run as root.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.LIVENESS_TEST_DATABASE_URL;
  if (given) return { url: given, stop() {} };
  const bin = binDir();
  if (!bin) throw new Error(postgresUnavailable() ?? 'no PostgreSQL');
  const dir = mkdtempSync(join(tmpdir(), 'ol-pg-'));
  const asRoot = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) =>
    asRoot
      ? (['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] as const)
      : ([join(bin, cmd), args] as const);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]) => {
    const [exe, argv] = as(cmd, args);
    const r = spawnSync(exe, [...argv], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
