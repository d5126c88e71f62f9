#!/usr/bin/env node
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateContainerKeyPair } from '@open-liveness/trust';
import { issueLicense, signMasterLicense } from './issue.js';
import { generateLicenseKeyPair, importLicensePrivateKey, publicKeyOfPrivate } from './keys.js';
import { verifyLicense } from './verify.js';

/**
 * `pnpm license <command>` — offline license tooling.
 *
 *   keygen  [--kind license|container] [--out PREFIX]
 *   issue   --key FILE --licensee NAME --origin HOST... --expires DATE|+DAYS
 *           [--feature F]... [--enc-public-key B64] [--id ID] [--out FILE]
 *   master  --key FILE --license FILE
 *   verify  --license FILE --public-key B64|@FILE [--origin URL] [--master-signature B64] [--now ISO]
 *
 * Exit codes: 0 success / license ok, 1 license rejected, 2 usage or input error.
 */

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readText: (path: string) => string;
  readonly writeText: (path: string, text: string, secret: boolean) => void;
  readonly now: () => Date;
}

const USAGE = `usage: license <keygen|issue|master|verify> [options]
  keygen  [--kind license|container] [--out PREFIX]
  issue   --key FILE --licensee NAME --origin HOST [--origin HOST]... --expires YYYY-MM-DD|+DAYS
          [--feature NAME]... [--enc-public-key B64] [--id ID] [--out FILE]
  master  --key FILE --license FILE
  verify  --license FILE --public-key B64|@FILE [--origin URL] [--master-signature B64] [--now ISO]`;

class UsageError extends Error {}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing --${name}`);
  return value;
}

/** `2027-01-31`, a full ISO instant, or `+365` (days from now). */
export function parseExpiry(text: string, now: Date): Date {
  const days = /^\+(\d+)$/.exec(text);
  const date =
    days?.[1] !== undefined ? new Date(now.getTime() + Number(days[1]) * 86_400_000) : new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`invalid --expires "${text}"`);
  return date;
}

function keyArg(value: string, io: CliIo): string {
  return value.startsWith('@') ? io.readText(value.slice(1)).trim() : value.trim();
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function keygen(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { kind: { type: 'string', default: 'license' }, out: { type: 'string' } },
    strict: true,
  });
  let publicKey: string;
  let privateKey: string;
  if (values.kind === 'license') {
    const pair = generateLicenseKeyPair();
    publicKey = pair.publicKey;
    privateKey = pair.privateKeyPem;
  } else if (values.kind === 'container') {
    const pair = await generateContainerKeyPair();
    publicKey = pair.publicKey;
    privateKey = pair.privateKey;
  } else {
    throw new UsageError('--kind must be license or container');
  }
  if (values.out === undefined) {
    io.out(json({ kind: values.kind, public_key: publicKey, private_key: privateKey }));
    return 0;
  }
  const ext = values.kind === 'license' ? 'pem' : 'key';
  io.writeText(`${values.out}.${ext}`, privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`, true);
  io.writeText(`${values.out}.pub`, `${publicKey}\n`, false);
  io.err(`wrote ${values.out}.${ext} (keep secret) and ${values.out}.pub\n`);
  io.out(`${publicKey}\n`);
  return 0;
}

function loadPrivateKey(path: string, io: CliIo) {
  const key = importLicensePrivateKey(io.readText(path));
  if (key === null) throw new UsageError(`${path} is not an Ed25519 PKCS#8 PEM private key`);
  return key;
}

function issue(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: {
      key: { type: 'string' },
      licensee: { type: 'string' },
      origin: { type: 'string', multiple: true },
      expires: { type: 'string' },
      feature: { type: 'string', multiple: true },
      'enc-public-key': { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const key = loadPrivateKey(required(values.key, 'key'), io);
  const origins = values.origin ?? [];
  if (origins.length === 0) throw new UsageError('at least one --origin is required');
  const now = io.now();
  const result = issueLicense(key, {
    licensee: required(values.licensee, 'licensee'),
    origins,
    expires: parseExpiry(required(values.expires, 'expires'), now),
    issued: now,
    features: values.feature ?? [],
    ...(values['enc-public-key'] === undefined ? {} : { encPublicKey: keyArg(values['enc-public-key'], io) }),
    ...(values.id === undefined ? {} : { id: values.id }),
  });
  if (!result.ok) throw new UsageError(result.message);
  if (values.out === undefined) io.out(json(result.value));
  else {
    io.writeText(values.out, json(result.value), false);
    io.err(`wrote ${values.out} (verify key: ${publicKeyOfPrivate(key)})\n`);
  }
  return 0;
}

function readLicense(path: string, io: CliIo): unknown {
  try {
    return JSON.parse(io.readText(path)) as unknown;
  } catch {
    throw new UsageError(`${path} is not a JSON license file`);
  }
}

function master(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: { key: { type: 'string' }, license: { type: 'string' } },
    strict: true,
  });
  const key = loadPrivateKey(required(values.key, 'key'), io);
  const license = readLicense(required(values.license, 'license'), io);
  const check = verifyLicense(license, {
    publicKeys: [publicKeyOfPrivate(key)],
    origin: null,
    skipOriginCheck: true,
    now: io.now(),
  });
  // Refuse to bless a license this key did not issue, or one that is malformed.
  if (check.license === null) throw new UsageError(`cannot sign master for this license: ${check.code}`);
  const file = license as { payload_b64: string; signature: string; enc_public_key: string };
  io.out(`${signMasterLicense(key, file)}\n`);
  return 0;
}

function verify(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: {
      license: { type: 'string' },
      'public-key': { type: 'string', multiple: true },
      origin: { type: 'string' },
      'master-signature': { type: 'string' },
      now: { type: 'string' },
    },
    strict: true,
  });
  const publicKeys = (values['public-key'] ?? []).map((value) => keyArg(value, io));
  if (publicKeys.length === 0) throw new UsageError('missing --public-key');
  const now = values.now === undefined ? io.now() : parseExpiry(values.now, io.now());
  const verdict = verifyLicense(readLicense(required(values.license, 'license'), io), {
    publicKeys,
    origin: values.origin ?? null,
    skipOriginCheck: values.origin === undefined,
    masterSignature: values['master-signature'] ?? null,
    now,
  });
  io.out(json(verdict));
  return verdict.ok ? 0 : 1;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'keygen':
        return await keygen(rest, io);
      case 'issue':
        return issue(rest, io);
      case 'master':
        return master(rest, io);
      case 'verify':
        return verify(rest, io);
      default:
        io.err(`${USAGE}\n`);
        return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
    }
  } catch (error) {
    // parseArgs throws TypeError subclasses for unknown/invalid options; both are usage problems.
    if (error instanceof UsageError || error instanceof TypeError) {
      io.err(`error: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      io.err(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readText: (path) => readFileSync(path, 'utf8'),
  writeText: (path, text, secret) => {
    writeFileSync(path, text, { mode: secret ? 0o600 : 0o644 });
    if (secret) chmodSync(path, 0o600); // an existing file keeps its old mode on overwrite
  },
  now: () => new Date(),
};

// Run only when executed directly, so importing this module (tests) has no side effects.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // pnpm runs scripts from the workspace root; INIT_CWD is where the user typed the command.
  if (process.env.INIT_CWD !== undefined) process.chdir(process.env.INIT_CWD);
  process.exitCode = await runCli(process.argv.slice(2), nodeIo);
}
