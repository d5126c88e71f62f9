import { isRecord, parseJson } from '../json.js';
import { err, ok, type Result } from '../result.js';
import {
  type AdditionalInfo,
  EVIDENCE_REASONS,
  EVIDENCE_SCHEMA,
  EVIDENCE_VERSION,
  type EvidenceReason,
  type EvidenceRecord,
  type EvidenceVerdict,
} from './types.js';

/** Builds the string for `on_capture_complete.additional_info`. */
export function serializeAdditionalInfo(
  records: readonly EvidenceRecord[],
  verdict: EvidenceVerdict,
  collectedAt: Date = new Date(),
): string {
  const info: AdditionalInfo = {
    schema: EVIDENCE_SCHEMA,
    version: EVIDENCE_VERSION,
    collected_at: collectedAt.toISOString(),
    virtual_camera_suspected: verdict.virtual_camera_suspected,
    reasons: verdict.reasons,
    notes: verdict.notes,
    records,
  };
  return JSON.stringify(info);
}

function isReasonList(value: unknown): value is EvidenceReason[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item in EVIDENCE_REASONS);
}

/**
 * Parses an `additional_info` string on the server side. Only the envelope is validated; records are
 * kept as sent (they came from an untrusted client anyway and are evidence, not instructions).
 */
export function parseAdditionalInfo(text: string): Result<AdditionalInfo, 'evidence_malformed'> {
  const value = parseJson(text);
  if (!isRecord(value)) return err('evidence_malformed', 'not a JSON object');
  if (value.schema !== EVIDENCE_SCHEMA || value.version !== EVIDENCE_VERSION) {
    return err('evidence_malformed', 'unknown schema or version');
  }
  if (typeof value.virtual_camera_suspected !== 'boolean' || typeof value.collected_at !== 'string') {
    return err('evidence_malformed', 'missing verdict fields');
  }
  if (!isReasonList(value.reasons) || !isReasonList(value.notes)) {
    return err('evidence_malformed', 'unknown reason code');
  }
  if (
    !Array.isArray(value.records) ||
    !value.records.every((r) => isRecord(r) && typeof r.type === 'string')
  ) {
    return err('evidence_malformed', 'records must be objects with a type');
  }
  return ok(value as unknown as AdditionalInfo);
}
