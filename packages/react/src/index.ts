/** React bindings for open-liveness. The plugin's types are re-exported so one import is enough. */
export type {
  ActionId,
  CaptureResult,
  ErrorCode,
  LivenessError,
  OpenOptions,
  OzLivenessApi,
  ResultPayload,
} from '@open-liveness/plugin';
export { OzLivenessCapture, type OzLivenessCaptureProps } from './capture.js';
export { ozLivenessFor } from './instance.js';
export { type OzLivenessControls, type UseOzLivenessOptions, useOzLiveness } from './use-oz-liveness.js';
