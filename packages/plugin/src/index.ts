/** ESM entry for bundlers (React, Angular…): build your own instance pointing at your adapter. */
export { createOzLiveness, type OzLivenessApi, type PluginConfig } from './api.js';
export type { CaptureMedia, CaptureResult } from './capture/types.js';
export { ERROR_CODES, type ErrorCode, type LivenessError } from './errors/codes.js';
export { ACTIONS, type ActionId, type OpenOptions, type ResultPayload } from './options.js';
