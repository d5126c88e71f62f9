import { ACTIONS, type ActionId } from '@open-liveness/trust';
import type { CaptureResult } from './capture/types.js';
import type { LivenessError } from './errors/codes.js';
import { DEFAULT_PRECHECK_BAR } from './ondevice/decision.js';
import type { FaceMetrics } from './vision/types.js';

export { ACTIONS, type ActionId } from '@open-liveness/trust';

export interface LicenseData {
  payload_b64: string;
  signature: string;
  enc_public_key: string;
}

/** Result payload of `on_result` / `on_complete`, shaped by the adapter's `result_mode`. */
export type ResultPayload = Record<string, unknown> & { state: 'processing' | 'finished' };

/** Options of `OzLiveness.open()` (plugin-api §3). Every field is optional. */
export interface OpenOptions {
  /** Short-lived token binding the capture to one sealed container (adapter `api_use_session_token: "client"`). */
  session_token?: string;
  /** Analysis API token from the page (adapter `api_use_token: "client"`). */
  token?: string;
  /** License from the page; replaces any earlier one. */
  license?: LicenseData;
  /** URL the license is loaded from. */
  licenseUrl?: string;
  /** Language pack id; default `en`. An unknown id is an error. */
  lang?: string;
  /** Folder metadata (string values). */
  meta?: Record<string, string>;
  /** Extra analysis parameters. */
  params?: { extract_best_shot?: boolean };
  /** Actions to perform, in order; default `['video_selfie_blank']`. */
  action?: ActionId[];
  /** Document overlay: `show_document_pattern` (default true). */
  overlay_options?: { show_document_pattern?: boolean };
  on_submit?: () => void;
  on_capture_complete?: (result: CaptureResult | Blob) => void;
  on_result?: (result: ResultPayload) => void;
  on_complete?: (result: ResultPayload) => void;
  on_error?: (error: LivenessError) => void;
  on_close?: () => void;
  /** Look-and-feel customisation (accepted, partly applied). */
  style?: Record<string, unknown>;
  /** Use the 3D mask instead of the oval (needs adapter `load_3d_mask`). */
  enable_3d_mask?: boolean;
  /** Front (`user`, default) or rear (`environment`) camera. */
  cameraFacingMode?: 'user' | 'environment';
  /** A `MediaDeviceInfo.deviceId` to use. */
  device_id?: string;
  /** Keep the video's native aspect ratio. Default false. */
  disable_adaptive_aspect_ratio?: boolean;
  /** Camera access timeout in ms. Default 40000. */
  get_user_media_timeout?: number;
  /**
   * The plugin is served as static files with no adapter behind it: run capture-only (the page gets
   * on_capture_complete) without asking for a session. Default false: without it a failed session request
   * is an error, never a silent capture-only run.
   */
  static_deployment?: boolean;
  /** Show a "before you start" screen with a Start button. Default false. */
  show_instructions?: boolean;
  /** Show success or declined on the result screen when the result mode gives a verdict. Default false (a neutral "done"). */
  show_result_outcome?: boolean;
  /**
   * CSP nonce for the plugin's one inline style (only used where constructable stylesheets are missing; with
   * them the styles need no `style-src` exception). Default: none.
   */
  nonce?: string;
  /**
   * Also run the liveness models (MiniFASNetV2 + V1SE) on the device, in a worker with onnxruntime-web, on the
   * best frames of each action. The result (`on_device`) is advisory: it reaches `on_capture_complete` and the
   * server's `additional_info`, and the server still analyses every upload. Default false: without it no part
   * of onnxruntime is loaded. See docs/on-device.md.
   */
  on_device?: boolean;
  /**
   * Act on a confident on-device decline before uploading: the person is asked to try again (better light,
   * their own face in front of the camera) and nothing is uploaded. `true` acts at `confidence_spoofing` ≥ 0.8;
   * a number from 0.5 to 1 sets that bar. Turns `on_device` on. An on-device success never replaces the
   * server's analysis. No effect in the `capture` architecture (nothing is uploaded there; the page decides).
   */
  on_device_precheck?: boolean | number;
  /** Our extension: per-frame measurements for tuning and tracing tools (no images). */
  diagnostics?: { on_frame?: (frame: FrameDiagnostics) => void };
}

/** One analysed frame as seen by the guidance: metrics, the hint it produced and the current action. */
export type FrameDiagnostics = FaceMetrics & { hint: string | null; action: string };

/** Options after normalisation: defaults applied, wrong types dropped. */
export interface NormalizedOptions extends OpenOptions {
  action: ActionId[];
  /** False when the page gave no action list: the adapter's `actions_default` then decides. */
  actionGiven: boolean;
  lang: string;
  /** False when the page gave no `lang`: the browser's language then decides. */
  langGiven: boolean;
  get_user_media_timeout: number;
  meta: Record<string, string>;
  on_device: boolean;
  /** The `confidence_spoofing` at which the pre-check asks for a retry; null when the pre-check is off. */
  onDevicePrecheckBar: number | null;
}

export interface Normalized {
  options: NormalizedOptions;
  warnings: string[];
  /** A problem that makes the session impossible (reported through on_error). */
  problem: string | null;
}

const CALLBACKS = [
  'on_submit',
  'on_capture_complete',
  'on_result',
  'on_complete',
  'on_error',
  'on_close',
] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lenient normalisation in one place: real pages pass odd values; we warn instead of crashing. */
export function normalizeOptions(input: unknown): Normalized {
  const warnings: string[] = [];
  const raw: Record<string, unknown> = isRecord(input) ? { ...input } : {};
  if (!isRecord(input) && input !== undefined)
    warnings.push('open() expects an options object; using defaults');

  for (const cb of CALLBACKS) {
    if (raw[cb] !== undefined && typeof raw[cb] !== 'function') {
      warnings.push(`${cb} is not a function and is ignored`);
      delete raw[cb];
    }
  }

  let problem: string | null = null;
  let action: ActionId[] = ['video_selfie_blank'];
  if (raw.action !== undefined) {
    const list = Array.isArray(raw.action) ? raw.action : [raw.action];
    const unknown = list.filter((a) => !(ACTIONS as readonly unknown[]).includes(a));
    if (unknown.length > 0) problem = `unknown action(s): ${unknown.map(String).join(', ')}`;
    const known = list.filter((a): a is ActionId => (ACTIONS as readonly unknown[]).includes(a));
    if (known.length > 0) action = known;
    else if (!problem) problem = 'action list is empty';
  }

  const timeout = Number(raw.get_user_media_timeout ?? 40_000);
  const meta: Record<string, string> = {};
  if (isRecord(raw.meta)) {
    for (const [k, v] of Object.entries(raw.meta)) {
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') warnings.push(`meta.${k} is not a string; converted`);
      meta[k] = String(v);
    }
  }
  if (raw.overlay_options !== undefined && !isRecord(raw.overlay_options)) {
    warnings.push('overlay_options should be an object; ignored');
    delete raw.overlay_options;
  }
  if (raw.nonce !== undefined && typeof raw.nonce !== 'string') {
    warnings.push('nonce should be a string; ignored');
    delete raw.nonce;
  }
  if (raw.result_mode !== undefined) warnings.push('result_mode is an adapter setting; ignored in open()');

  const onDevice = normalizeOnDevice(raw.on_device, raw.on_device_precheck);
  if (onDevice.problem && !problem) problem = onDevice.problem;

  const options: NormalizedOptions = {
    ...(raw as OpenOptions),
    action,
    actionGiven: raw.action !== undefined,
    lang: typeof raw.lang === 'string' && raw.lang ? raw.lang.toLowerCase() : 'en',
    langGiven: typeof raw.lang === 'string' && raw.lang !== '',
    get_user_media_timeout: Number.isFinite(timeout) && timeout > 0 ? timeout : 40_000,
    meta,
    on_device: onDevice.enabled,
    onDevicePrecheckBar: onDevice.bar,
  };
  return { options, warnings, problem };
}

/**
 * `on_device` and `on_device_precheck`. Wrong values are a problem, not a warning: a page that asked for a
 * pre-check must not get a session without one.
 */
export function normalizeOnDevice(
  onDevice: unknown,
  precheck: unknown,
): { enabled: boolean; bar: number | null; problem: string | null } {
  if (onDevice !== undefined && typeof onDevice !== 'boolean')
    return { enabled: false, bar: null, problem: 'on_device must be true or false' };
  let bar: number | null = null;
  if (precheck === true) bar = DEFAULT_PRECHECK_BAR;
  else if (typeof precheck === 'number' && precheck >= 0.5 && precheck <= 1) bar = precheck;
  else if (precheck !== undefined && precheck !== false)
    return {
      enabled: false,
      bar: null,
      problem: 'on_device_precheck must be true, false or a number from 0.5 to 1',
    };
  if (bar !== null && onDevice === false)
    return { enabled: false, bar: null, problem: 'on_device_precheck needs on_device (it was set to false)' };
  return { enabled: onDevice === true || bar !== null, bar, problem: null };
}
