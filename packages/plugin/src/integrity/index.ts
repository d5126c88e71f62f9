/**
 * Integrity evidence: virtual-camera and injection heuristics as pure functions over plain inputs,
 * plus thin collectors (collect.ts) for the browser objects. See docs/evidence.md.
 */
import { type EvidenceRecord, type EvidenceVerdict, serializeAdditionalInfo } from '@open-liveness/trust';
import { decideEvidence } from './verdict.js';

export { type AutomationInput, automationRecord } from './automation.js';
export {
  type CadenceSamples,
  type CadenceThresholds,
  DEFAULT_CADENCE_THRESHOLDS,
  frameCadenceRecord,
} from './cadence.js';
export {
  type CameraMatch,
  isFakeDeviceLabel,
  KNOWN_VIRTUAL_CAMERAS,
  type KnownCamera,
  matchCameraLabel,
} from './camera-names.js';
export {
  CadenceRecorder,
  collectAutomation,
  collectCameraList,
  collectDevtools,
  collectTrackRecords,
  type DeviceLike,
  type NavigatorLike,
  probeMediaFunctions,
  type TrackLike,
  type WindowLike,
} from './collect.js';
export { devtoolsRecord, type WindowMetrics } from './devtools.js';
export { cameraLabelRecord, cameraListRecord } from './labels.js';
export { DEFAULT_INTEGRITY_POLICY, type IntegrityPolicy, isTrustedTestDevice } from './policy.js';
export { type FunctionProbe, isNativeSource, tamperingRecord } from './tampering.js';
export { type Range, trackSettingsRecord } from './track.js';
export { decideEvidence } from './verdict.js';

/** Decides and serialises in one step: the string for `on_capture_complete.additional_info`. */
export function buildAdditionalInfo(
  records: readonly EvidenceRecord[],
  now: Date = new Date(),
): { verdict: EvidenceVerdict; additionalInfo: string } {
  const verdict = decideEvidence(records);
  return { verdict, additionalInfo: serializeAdditionalInfo(records, verdict, now) };
}
