import { describe, expect, it } from 'vitest';
import { type CliIo, parseExpiry, runCli } from './cli.js';

/** An in-memory file system and captured output, so the CLI runs without touching the disk. */
function memoryIo(now = new Date('2026-06-01T00:00:00Z')) {
  const files = new Map<string, string>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readText: (path) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeText: (path, text) => files.set(path, text),
    now: () => now,
  };
  return { io, files, out, err, take: () => out.splice(0).join('') };
}

describe('license CLI', () => {
  it('keygen → issue → verify → master round trip', async () => {
    const { io, files, take } = memoryIo();
    expect(await runCli(['keygen', '--out', 'signing'], io)).toBe(0);
    const publicKey = take().trim();
    expect(files.get('signing.pem')).toContain('BEGIN PRIVATE KEY');
    expect(await runCli(['keygen', '--kind', 'container', '--out', 'box'], io)).toBe(0);
    take();

    const issueArgs = ['issue', '--key', 'signing.pem', '--licensee', 'Bank', '--origin', '*.bank.example'];
    expect(
      await runCli(
        [...issueArgs, '--expires', '+30', '--enc-public-key', '@box.pub', '--out', 'lic.json'],
        io,
      ),
    ).toBe(0);
    const license = JSON.parse(files.get('lic.json') ?? '{}') as { enc_public_key: string };
    expect(license.enc_public_key).toBe(files.get('box.pub')?.trim());

    const verifyArgs = ['verify', '--license', 'lic.json', '--public-key', publicKey];
    expect(await runCli([...verifyArgs, '--origin', 'https://app.bank.example'], io)).toBe(0);
    expect(JSON.parse(take())).toMatchObject({ ok: true, code: 'ok' });
    expect(await runCli([...verifyArgs, '--origin', 'https://evil.example'], io)).toBe(1);
    expect(JSON.parse(take()).code).toBe('license_origin_mismatch');
    expect(await runCli([...verifyArgs, '--origin', 'https://app.bank.example', '--now', '+31'], io)).toBe(1);
    expect(JSON.parse(take()).code).toBe('license_expired');

    expect(await runCli(['master', '--key', 'signing.pem', '--license', 'lic.json'], io)).toBe(0);
    const master = take().trim();
    expect(
      await runCli([...verifyArgs, '--origin', 'https://evil.example', '--master-signature', master], io),
    ).toBe(0);
    expect(JSON.parse(take())).toMatchObject({ ok: true, master: true });
  });

  it('reports usage errors with exit code 2', async () => {
    const { io, err } = memoryIo();
    expect(await runCli(['issue', '--key', 'missing.pem'], io)).toBe(2);
    expect(await runCli(['verify', '--bogus'], io)).toBe(2);
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(await runCli([], io)).toBe(0);
    expect(err.join('')).toContain('usage: license');
  });

  it('parses expiry forms', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(parseExpiry('+1', now).toISOString()).toBe('2026-06-02T00:00:00.000Z');
    expect(parseExpiry('2027-01-31', now).toISOString()).toBe('2027-01-31T00:00:00.000Z');
    expect(() => parseExpiry('someday', now)).toThrow();
  });
});
