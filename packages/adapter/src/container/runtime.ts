import { MemoryUsedTokenStore, type UsedTokenStore } from '@open-liveness/trust';
import type { ContainerKeys } from './keys.js';
import { type ContainerTokens, createContainerTokens } from './tokens.js';

/** Everything the routes need for sealed containers; built once per app when `use_wasm_container` is on. */
export interface ContainerRuntime {
  readonly keys: ContainerKeys;
  readonly tokens: ContainerTokens;
  /** Single use of token ids. In-memory: one adapter process (docs/container.md on sharing it). */
  readonly usedTokens: UsedTokenStore;
}

export function createContainerRuntime(
  keys: ContainerKeys,
  sessionSecret: string,
  now: () => Date,
  usedTokens?: UsedTokenStore,
): ContainerRuntime {
  return {
    keys,
    tokens: createContainerTokens(sessionSecret),
    // Same clock as the token checks, so an injected test clock expires both consistently.
    usedTokens: usedTokens ?? new MemoryUsedTokenStore({ now: () => now().getTime() }),
  };
}
