import {
  EVIDENCE_REASONS,
  type EvidenceReason,
  type EvidenceRecord,
  type EvidenceRecordType,
  type EvidenceVerdict,
} from '@open-liveness/trust';

/** Records that describe the camera itself; a trusted test device waives their reasons. */
const DEVICE_RECORDS: ReadonlySet<EvidenceRecordType> = new Set([
  'camera_label',
  'track_settings',
  'frame_cadence',
]);

/**
 * Decides `virtual_camera_suspected`: any strong reason, or weak reasons from at least two different
 * kinds of record. Requiring independent corroboration keeps one noisy heuristic (an odd driver, a
 * busy CPU) from diverting an honest user's capture.
 */
export function decideEvidence(records: readonly EvidenceRecord[]): EvidenceVerdict {
  const trusted = records.some((record) => record.type === 'camera_label' && record.trusted);
  const reasons = new Set<EvidenceReason>();
  const notes = new Set<EvidenceReason>();
  const weakFamilies = new Set<EvidenceRecordType>();
  let strong = false;
  let block = false;

  for (const record of records) {
    if (record.type === 'devtools' && record.open && record.reaction === 'block') block = true;
    for (const reason of record.reasons) {
      const weight = EVIDENCE_REASONS[reason];
      if (weight === 'info' || (trusted && DEVICE_RECORDS.has(record.type))) {
        notes.add(reason);
        continue;
      }
      reasons.add(reason);
      if (weight === 'strong') strong = true;
      else weakFamilies.add(record.type);
    }
  }

  return {
    virtual_camera_suspected: strong || weakFamilies.size >= 2,
    block,
    reasons: [...reasons],
    notes: [...notes],
  };
}
