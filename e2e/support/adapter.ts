import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningAdapter {
  url: string;
  logs: string[];
  /** Stops the adapter; with `logFile`, its output is kept there (a failed test's best witness). */
  stop(logFile?: string): Promise<void>;
}

/** Development settings the e2e suites share: Chromium's fake camera (label = the clip's path) is trusted. */
export const TRUSTED_FAKE_CAMERA = { NODE_ENV: 'development', OZ_ADAPTER_TRUSTED_TEST_DEVICES: '*.mjpeg' };

/**
 * Starts the built adapter (with its embedded analysis service) on a free port with extra environment,
 * for tests that need a configuration other than the suite's default server.
 */
export function startAdapter(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningAdapter> {
  return new Promise((resolvePromise, reject) => {
    const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'packages/adapter/dist/main.js')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`adapter did not start in ${timeoutMs} ms:\n${logs.join('')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      logs.push(text);
      const m = /open-liveness adapter: (http:\/\/[^\s]+)/.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        resolvePromise({
          url: m[1].endsWith('/') ? m[1] : `${m[1]}/`,
          logs,
          stop: (logFile?: string) =>
            new Promise<void>((done) => {
              if (logFile) writeFileSync(logFile, logs.join(''));
              if (child.exitCode !== null) return done();
              // The adapter bounds its own shutdown; this only keeps a broken one from hanging the suite.
              const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
              child.once('exit', () => {
                clearTimeout(kill);
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => logs.push(c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`adapter exited with ${code}:\n${logs.join('')}`));
    });
  });
}
