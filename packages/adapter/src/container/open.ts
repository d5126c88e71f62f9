import {
  type ContainerCode,
  decodeContainer,
  err,
  type OpenedContainer,
  openContainer,
  type Result,
} from '@open-liveness/trust';
import type { SessionClaims } from '../session/token.js';
import type { ContainerRuntime } from './runtime.js';

export type SessionTokenSource = 'api' | 'client';

/**
 * Which token the container must be bound to. `api`: the one issued with this session (its id is in
 * the signed session claims), so a container sealed for another session is a mismatch. `client`: the
 * page got the token from its backend and only its id reaches the adapter, in the container header;
 * the id is self-authenticating (tokens.ts), so a forged id is `container_token_invalid`.
 */
async function expectedToken(
  runtime: ContainerRuntime,
  bytes: Uint8Array,
  claims: SessionClaims,
  source: SessionTokenSource,
): Promise<Result<string, ContainerCode>> {
  let jti: string | undefined = claims.container_jti;
  if (source === 'client') {
    const split = decodeContainer(bytes);
    if (split === null) return err('container_malformed', 'not a v1 container');
    jti = split.header.tokenId;
  }
  if (jti === undefined) return err('container_token_invalid', 'this session was not given a session token');
  const token = await runtime.tokens.rebuild(jti);
  return token === null
    ? err('container_token_invalid', 'token id not issued by this adapter')
    : { ok: true, value: token };
}

/** Verifies, decrypts and consumes the container's token (docs/container.md "Opening"). */
export async function openSealedCapture(
  runtime: ContainerRuntime,
  bytes: Uint8Array,
  claims: SessionClaims,
  source: SessionTokenSource,
  now: Date,
): Promise<Result<OpenedContainer, ContainerCode>> {
  const token = await expectedToken(runtime, bytes, claims, source);
  if (!token.ok) return token;
  return openContainer(bytes, {
    sessionToken: token.value,
    tokenSecret: runtime.tokens.secret,
    privateKey: runtime.keys.privateKey,
    usedTokens: runtime.usedTokens,
    now,
  });
}
