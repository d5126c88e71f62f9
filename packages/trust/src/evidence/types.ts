/**
 * The evidence schema: what the plugin's integrity collectors report and what travels, serialised,
 * as `on_capture_complete.additional_info` and inside sealed containers. Shared so the adapter and
 * the analysis service can parse what the plugin wrote. Documented in docs/evidence.md.
 */

export const EVIDENCE_SCHEMA = 'open-liveness/evidence';
export const EVIDENCE_VERSION = 1;

/** Stable reason codes, with how much a single occurrence counts towards the verdict. */
export const EVIDENCE_REASONS = {
  virtual_camera_label: 'strong',
  fake_device_label: 'strong',
  native_function_tampered: 'strong',
  capabilities_missing: 'weak',
  settings_impossible: 'weak',
  settings_outside_capabilities: 'weak',
  single_fixed_mode: 'weak',
  cadence_too_regular: 'weak',
  cadence_irregular: 'weak',
  frames_duplicated: 'weak',
  feed_frozen: 'weak',
  webdriver: 'weak',
  headless_user_agent: 'weak',
  devtools_open: 'weak',
  virtual_camera_installed: 'info',
  label_hidden: 'info',
  trusted_test_device: 'info',
  too_few_frames: 'info',
} as const;

export type EvidenceReason = keyof typeof EVIDENCE_REASONS;
export type ReasonWeight = (typeof EVIDENCE_REASONS)[EvidenceReason];

export type CameraCategory = 'virtual_camera' | 'capture_software' | 'phone_relay' | 'fake_device';

interface RecordBase {
  /** Reason codes this record raises (strong, weak or informational). */
  readonly reasons: readonly EvidenceReason[];
}

export interface CameraLabelRecord extends RecordBase {
  readonly type: 'camera_label';
  /** Label of the camera actually used for the capture ("" before permission is granted). */
  readonly label: string;
  /** Product name from the known list, or null. */
  readonly matched: string | null;
  readonly category: CameraCategory | null;
  /** True when a development-only trusted-device pattern matched, so device reasons were waived. */
  readonly trusted: boolean;
}

export interface CameraListRecord extends RecordBase {
  readonly type: 'camera_list';
  /** Labels of all video inputs, in enumeration order. */
  readonly labels: readonly string[];
  /** Known virtual/capture products among them (installed, not necessarily in use). */
  readonly matched: readonly string[];
}

export interface TrackSettingsRecord extends RecordBase {
  readonly type: 'track_settings';
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  /** null when the browser has no getCapabilities(). */
  readonly capabilities: Readonly<Record<string, unknown>> | null;
  /** Human-readable notes on each inconsistency, for investigators. */
  readonly problems: readonly string[];
}

export interface FrameCadenceRecord extends RecordBase {
  readonly type: 'frame_cadence';
  readonly frames: number;
  readonly mean_interval_ms: number;
  /** Standard deviation of frame intervals. */
  readonly jitter_ms: number;
  readonly max_gap_ms: number;
  /** Share of frames that repeat the previous frame (same media time or same content hash). */
  readonly duplicate_ratio: number;
  /** Longest run of identical frames, in milliseconds. */
  readonly longest_freeze_ms: number;
}

export interface AutomationRecord extends RecordBase {
  readonly type: 'automation';
  readonly webdriver: boolean;
  readonly user_agent: string;
  readonly brands: readonly string[];
}

export interface TamperingRecord extends RecordBase {
  readonly type: 'tampering';
  /**
   * Per inspected function: whether its source text looks native (`null` when the function does not
   * exist in this browser, which is not tampering).
   */
  readonly functions: readonly { readonly name: string; readonly native: boolean | null }[];
}

export type DevtoolsReaction = 'ignore' | 'flag' | 'block';

export interface DevtoolsRecord extends RecordBase {
  readonly type: 'devtools';
  readonly open: boolean;
  readonly reaction: DevtoolsReaction;
  /** outerWidth − innerWidth and outerHeight − innerHeight, in CSS pixels, as measured. */
  readonly width_gap: number;
  readonly height_gap: number;
}

export type EvidenceRecord =
  | CameraLabelRecord
  | CameraListRecord
  | TrackSettingsRecord
  | FrameCadenceRecord
  | AutomationRecord
  | TamperingRecord
  | DevtoolsRecord;

export type EvidenceRecordType = EvidenceRecord['type'];

/** The verdict derived from the records. */
export interface EvidenceVerdict {
  readonly virtual_camera_suspected: boolean;
  /** True when a policy (devtools reaction `block`) says the session must stop. */
  readonly block: boolean;
  /** Reasons that counted towards the verdict. */
  readonly reasons: readonly EvidenceReason[];
  /** Informational or waived reasons (kept for investigation, never counted). */
  readonly notes: readonly EvidenceReason[];
}

/** The JSON object behind the `additional_info` string. */
export interface AdditionalInfo {
  readonly schema: typeof EVIDENCE_SCHEMA;
  readonly version: typeof EVIDENCE_VERSION;
  readonly collected_at: string;
  readonly virtual_camera_suspected: boolean;
  readonly reasons: readonly EvidenceReason[];
  readonly notes: readonly EvidenceReason[];
  readonly records: readonly EvidenceRecord[];
  /** The on-device liveness result of this action (`open({on_device: true})`): advisory, never trusted. */
  readonly on_device?: OnDeviceResult;
}

/**
 * The plugin's on-device liveness result for one action (MiniFASNetV2 + V1SE in the browser). It is a hint for
 * the person and the page: a client can be tampered with, so the server always runs its own analysis.
 */
export interface OnDeviceResult {
  readonly resolution: 'success' | 'declined';
  /** 1 − the median fused p(real) over the analysed frames, as the server computes `confidence_spoofing`. */
  readonly confidence_spoofing: number;
  /** Which models produced it. */
  readonly model: string;
  /** Wall time of the on-device analysis of this action (decode, preprocessing, inference). */
  readonly duration_ms: number;
}
