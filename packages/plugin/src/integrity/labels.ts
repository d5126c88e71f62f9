import type { CameraLabelRecord, CameraListRecord, EvidenceReason } from '@open-liveness/trust';
import { matchCameraLabel } from './camera-names.js';
import { type IntegrityPolicy, isTrustedTestDevice } from './policy.js';

/** Evidence about the camera actually used for the capture. */
export function cameraLabelRecord(label: string, policy: IntegrityPolicy): CameraLabelRecord {
  const match = matchCameraLabel(label);
  const trusted = isTrustedTestDevice(label, policy);
  const reasons: EvidenceReason[] = [];
  if (label.trim() === '') reasons.push('label_hidden');
  else if (match?.category === 'fake_device') reasons.push('fake_device_label');
  else if (match !== null) reasons.push('virtual_camera_label');
  if (trusted) reasons.push('trusted_test_device');
  return {
    type: 'camera_label',
    label,
    matched: match?.name ?? null,
    category: match?.category ?? null,
    trusted,
    reasons,
  };
}

/**
 * Names of every video input (the reference product sends them as metadata). A virtual camera that
 * is installed but not selected is only informational: streamers and video-call users have them.
 */
export function cameraListRecord(labels: readonly string[]): CameraListRecord {
  const matched: string[] = [];
  for (const label of labels) {
    const match = matchCameraLabel(label);
    if (match !== null && !matched.includes(match.name)) matched.push(match.name);
  }
  return {
    type: 'camera_list',
    labels: [...labels],
    matched,
    reasons: matched.length > 0 ? ['virtual_camera_installed'] : [],
  };
}
