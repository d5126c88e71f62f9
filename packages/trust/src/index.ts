/**
 * @open-liveness/trust — platform-neutral trust primitives. Uses only WebCrypto, TextEncoder and
 * URL, so the same code runs in the plugin (browser) and the adapter (Node 20).
 */
export {
  type Bytes,
  concatBytes,
  fromBase64,
  fromBase64Url,
  sha256Hex,
  toBase64,
  toBase64Url,
  utf8,
} from './bytes.js';
export * from './container/index.js';
export * from './evidence/index.js';
export type { JsonValue } from './json.js';
export * from './license/index.js';
export {
  ACTIONS,
  type ActionId,
  PHOTO_ACTIONS,
  type PhotoActionId,
  VIDEO_ACTIONS,
  type VideoActionId,
} from './protocol/actions.js';
export { type Err, err, type Ok, ok, type Result } from './result.js';
export * from './token/index.js';
