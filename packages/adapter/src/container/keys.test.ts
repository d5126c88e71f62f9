import { generateContainerKeyPair } from '@open-liveness/trust';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { containerKeysFrom, resolveContainerKeys } from './keys.js';

describe('container keys', () => {
  it('recovers the public key the plugin needs from the configured private key', async () => {
    const pair = await generateContainerKeyPair();
    expect(await containerKeysFrom(pair.privateKey)).toEqual(pair);
  });

  it('refuses unusable keys at start and generates one when none is set', async () => {
    const log = pino({ level: 'silent' });
    expect(await containerKeysFrom('AAAA')).toBeNull();
    await expect(resolveContainerKeys(Buffer.alloc(138).toString('base64'), log)).rejects.toThrow(
      /container_private_key/,
    );
    const generated = await resolveContainerKeys(undefined, log);
    expect(await containerKeysFrom(generated.privateKey)).toEqual(generated);
  });
});
