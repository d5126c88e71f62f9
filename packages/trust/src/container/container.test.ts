import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.js';
import { issueSessionToken } from '../token/session-token.js';
import { MemoryUsedTokenStore } from '../token/used-store.js';
import { generateContainerKeyPair } from './keys.js';
import { decodeContainer } from './layout.js';
import { openContainer } from './open.js';
import { type SealInput, sealContainer } from './seal.js';

const secret = 'container-test-secret-0123456789abcdef';
const t0 = new Date('2026-06-01T12:00:00Z');
let keys: Awaited<ReturnType<typeof generateContainerKeyPair>>;
beforeAll(async () => {
  keys = await generateContainerKeyPair();
});

function frames(): SealInput['entries'] {
  return [0, 1, 2].map((index) => ({
    name: `video_selfie_left/frame_${index}.jpg`,
    type: 'image/jpeg',
    kind: 'frame' as const,
    action: 'video_selfie_left',
    index,
    timestamp_ms: 1000 + index * 33.3,
    bytes: utf8(`jpeg bytes of frame ${index}`),
  }));
}

async function sealed(token: string, extra: Partial<SealInput> = {}) {
  const result = await sealContainer({
    sessionToken: token,
    recipientPublicKey: keys.publicKey,
    entries: frames(),
    evidence: { schema: 'open-liveness/evidence', virtual_camera_suspected: false },
    meta: { transaction_id: 'tx-1' },
    now: t0,
    ...extra,
  });
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

function open(bytes: Uint8Array, token: string, store = new MemoryUsedTokenStore(), now = t0) {
  return openContainer(bytes, {
    sessionToken: token,
    tokenSecret: secret,
    privateKey: keys.privateKey,
    usedTokens: store,
    now,
  });
}

describe('sealed container', () => {
  it('round-trips media, per-frame hashes and timestamps, evidence and meta', async () => {
    const { token, claims } = await issueSessionToken(secret, { now: t0 });
    const bytes = await sealed(token);
    expect(decodeContainer(bytes)?.header.tokenId).toBe(claims.jti);
    const opened = await open(bytes, token);
    if (!opened.ok) throw new Error(opened.code);
    const { manifest, entries } = opened.value;
    expect(manifest.token_id).toBe(claims.jti);
    expect(manifest.meta).toEqual({ transaction_id: 'tx-1' });
    expect(manifest.evidence).toMatchObject({ virtual_camera_suspected: false });
    expect(entries.map((e) => new TextDecoder().decode(e.bytes))).toEqual([
      'jpeg bytes of frame 0',
      'jpeg bytes of frame 1',
      'jpeg bytes of frame 2',
    ]);
    expect(entries[1]).toMatchObject({ kind: 'frame', index: 1, timestamp_ms: 1033.3 });
    expect(entries[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not leak plaintext', async () => {
    const { token } = await issueSessionToken(secret, { now: t0 });
    const text = new TextDecoder('latin1').decode(await sealed(token));
    expect(text).not.toContain('jpeg bytes');
    expect(text).not.toContain('transaction_id');
  });

  it('detects a flipped byte anywhere in the ciphertext or the crypto header', async () => {
    const { token } = await issueSessionToken(secret, { now: t0 });
    const bytes = await sealed(token);
    const headerLength = decodeContainer(bytes)?.aad.length ?? 0;
    // 10: ephemeral key, 80: salt, 110: IV, then ciphertext start, middle and GCM tag.
    for (const position of [10, 80, 110, headerLength, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const tampered = bytes.slice();
      tampered[position] = (tampered[position] ?? 0) ^ 0x01;
      const result = await open(tampered, token);
      expect(result, `byte ${position}`).toMatchObject({ ok: false, code: 'container_tampered' });
    }
  });

  it('rejects truncation and foreign data as malformed', async () => {
    const { token } = await issueSessionToken(secret, { now: t0 });
    const bytes = await sealed(token);
    expect(await open(bytes.slice(0, 50), token)).toMatchObject({ code: 'container_malformed' });
    expect(
      await open(utf8('PK\u0003\u0004 a zip file, not a container at all........'), token),
    ).toMatchObject({
      code: 'container_malformed',
    });
    const wrongVersion = bytes.slice();
    wrongVersion[4] = 2;
    expect(await open(wrongVersion, token)).toMatchObject({ code: 'container_malformed' });
  });

  it('treats an edited token id in the header as a token mismatch', async () => {
    const { token } = await issueSessionToken(secret, { now: t0 });
    const bytes = await sealed(token);
    bytes[120] = (bytes[120] ?? 0) ^ 0x01;
    expect(await open(bytes, token)).toMatchObject({ code: 'container_token_mismatch' });
  });

  it('rejects a container opened with another session token', async () => {
    const a = await issueSessionToken(secret, { now: t0 });
    const b = await issueSessionToken(secret, { now: t0 });
    expect(await open(await sealed(a.token), b.token)).toMatchObject({ code: 'container_token_mismatch' });
  });

  it('rejects a forged token', async () => {
    const { token } = await issueSessionToken('another-secret-of-sufficient-length!!', { now: t0 });
    expect(await open(await sealed(token), token)).toMatchObject({ code: 'container_token_invalid' });
  });

  it('rejects an expired token', async () => {
    const { token } = await issueSessionToken(secret, { now: t0, ttlSeconds: 60 });
    const bytes = await sealed(token);
    expect(await open(bytes, token, undefined, new Date(t0.getTime() + 5 * 60_000))).toMatchObject({
      code: 'container_token_expired',
    });
  });

  it('rejects a replay, but a tampered upload does not burn the token', async () => {
    const store = new MemoryUsedTokenStore({ now: () => t0.getTime() });
    const { token } = await issueSessionToken(secret, { now: t0 });
    const bytes = await sealed(token);
    const tampered = bytes.slice();
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] ?? 0) ^ 0xff;
    expect(await open(tampered, token, store)).toMatchObject({ code: 'container_tampered' });
    expect((await open(bytes, token, store)).ok).toBe(true);
    expect(await open(bytes, token, store)).toMatchObject({ code: 'container_replayed' });
    // A second container sealed for the same (now used) token is a replay too.
    expect(await open(await sealed(token), token, store)).toMatchObject({ code: 'container_replayed' });
  });

  it('cannot be opened with another adapter key', async () => {
    const { token } = await issueSessionToken(secret, { now: t0 });
    const otherKeys = await generateContainerKeyPair();
    const result = await openContainer(await sealed(token), {
      sessionToken: token,
      tokenSecret: secret,
      privateKey: otherKeys.privateKey,
      usedTokens: new MemoryUsedTokenStore(),
      now: t0,
    });
    expect(result).toMatchObject({ code: 'container_tampered' });
    expect(
      await openContainer(await sealed(token), {
        sessionToken: token,
        tokenSecret: secret,
        privateKey: 'bm90IGEga2V5',
        usedTokens: new MemoryUsedTokenStore(),
        now: t0,
      }),
    ).toMatchObject({ code: 'container_key_invalid' });
  });

  it('refuses to seal with an unreadable token, a bad key or duplicate names', async () => {
    const { token } = await issueSessionToken(secret, { now: t0 });
    const base = { recipientPublicKey: keys.publicKey, entries: frames() };
    expect(await sealContainer({ ...base, sessionToken: 'nope' })).toMatchObject({
      code: 'seal_token_unreadable',
    });
    expect(await sealContainer({ ...base, sessionToken: token, recipientPublicKey: 'AAAA' })).toMatchObject({
      code: 'seal_public_key_invalid',
    });
    const dup = [...frames(), ...frames()];
    expect(await sealContainer({ ...base, sessionToken: token, entries: dup })).toMatchObject({
      code: 'seal_entry_invalid',
    });
  });

  it('seals an empty capture and large media', async () => {
    const { token } = await issueSessionToken(secret, { now: t0 });
    const big = crypto.getRandomValues(new Uint8Array(60_000));
    const bytes = await sealed(token, {
      entries: [{ name: 'shots.zip', type: 'application/zip', kind: 'file', bytes: big }],
    });
    const opened = await open(bytes, token);
    expect(opened.ok && opened.value.entries[0]?.bytes).toEqual(big);
    const { token: t2 } = await issueSessionToken(secret, { now: t0 });
    expect((await open(await sealed(t2, { entries: [] }), t2)).ok).toBe(true);
  });
});
