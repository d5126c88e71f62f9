export { CONTAINER_CODES, type ContainerCode, SEAL_CODES, type SealCode } from './codes.js';
export { type ContainerKeyPair, generateContainerKeyPair } from './keys.js';
export {
  CONTAINER_MAGIC,
  CONTAINER_VERSION,
  type ContainerHeader,
  decodeContainer,
  type SplitContainer,
} from './layout.js';
export { type ContainerEntry, type ContainerManifest, MANIFEST_VERSION } from './manifest.js';
export { type OpenContainerOptions, type OpenedContainer, type OpenedEntry, openContainer } from './open.js';
export { type SealEntryInput, type SealInput, sealContainer } from './seal.js';
